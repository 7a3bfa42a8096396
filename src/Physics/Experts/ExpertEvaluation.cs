using System.Collections.Concurrent;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using Serilog;

namespace RiptOrleans.Physics.Experts;

/// <summary>Success of a task's scripted expert over its evaluation contexts, with the action noise it ran under (0: clean).</summary>
public sealed record ExpertScore(string TaskId, int Episodes, int Successes, double MeanSteps, IReadOnlyDictionary<string, int> FailureReasons,
    double Noise = 0)
{
    public double SuccessRate => Episodes == 0 ? 0 : (double)Successes / Episodes;
}

/// <summary>Runs scripted experts on the first N evaluation contexts of tasks, episodes spread over threads.</summary>
public static class ExpertEvaluation
{
    private static readonly ILogger Logger = Log.ForContext(typeof(ExpertEvaluation));

    /// <param name="onEpisode">Called after each episode (from worker threads), e.g. to advance a progress bar.</param>
    /// <param name="noise">Std of the Gaussian action noise per task (null: none), drawn from a seed derived from the context's, as demos are.</param>
    public static IReadOnlyList<ExpertScore> Run(IReadOnlyList<TaskSpec> tasks, int inits, int threads, Action? onEpisode = null,
        Func<TaskSpec, double>? noise = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inits, 1);
        var models = tasks.Select(TaskModel.Compile).ToList();
        try
        {
            var contexts = models.Select(m => ContextSet.Create(m, ContextSplit.Eval, inits)).ToList();
            var outcomes = new ConcurrentBag<(int Task, ExpertRollout.Episode Episode)>();
            var work = Enumerable.Range(0, models.Count).SelectMany(t => Enumerable.Range(0, inits).Select(i => (t, i))).ToList();
            Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, item =>
            {
                using var env = new ManipulationEnv(models[item.t]);
                var context = contexts[item.t][item.i];
                var sigma = noise?.Invoke(tasks[item.t]) ?? 0;
                var episode = ExpertRollout.Run(env, context, sigma, noiseSeed: context.Seed);
                outcomes.Add((item.t, episode));
                onEpisode?.Invoke();
            });
            var scores = new List<ExpertScore>();
            for (var t = 0; t < models.Count; t++)
            {
                var mine = outcomes.Where(o => o.Task == t).Select(o => o.Episode).ToList();
                var reasons = mine.Where(e => !e.Success).GroupBy(e => e.FailureReason ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
                var score = new ExpertScore(tasks[t].Id, mine.Count, mine.Count(e => e.Success), mine.Average(e => e.Steps), reasons,
                    noise?.Invoke(tasks[t]) ?? 0);
                Logger.Information("Expert {TaskId}: {Successes}/{Episodes} (noise {Noise})", score.TaskId, score.Successes, score.Episodes, score.Noise);
                scores.Add(score);
            }
            return scores;
        }
        finally
        {
            foreach (var m in models) m.Dispose();
        }
    }
}
