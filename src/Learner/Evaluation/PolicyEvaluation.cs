using System.Collections.Concurrent;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using Serilog;

namespace RiptOrleans.Learner.Evaluation;

/// <summary>
/// Success rate of a policy per task over the evaluation contexts (ContextSet's Eval split). Episodes are spread over
/// threads; each thread runs one env per episode, all of its episodes in lock-step, with one batched policy forward
/// per round of decisions and its own renderers (GL contexts are thread-bound). libtorch runs one intra-op thread per
/// worker while evaluating.
/// </summary>
public static class PolicyEvaluation
{
    private static readonly ILogger Logger = Log.ForContext(typeof(PolicyEvaluation));

    /// <param name="onEpisode">Called after each finished episode (from worker threads).</param>
    public static IReadOnlyList<TaskScore> Run(IPolicy policy, IReadOnlyList<TaskSpec> tasks, EvaluationOptions options, Action? onEpisode = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Inits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        foreach (var t in tasks)
            if ((t.Robot == RobotKind.Panda ? 7 : 4) is var want && want != policy.ActionDim)
                throw new ArgumentException($"task {t.Id} takes {want}-D actions, the policy gives {policy.ActionDim}-D");
        var models = tasks.Select(TaskModel.Compile).ToList();
        var previousThreads = Torch.Torch.Threads;
        try
        {
            var contexts = models.Select(m => ContextSet.Create(m, ContextSplit.Eval, options.Inits)).ToList();
            var work = Enumerable.Range(0, models.Count).SelectMany(t => Enumerable.Range(0, options.Inits).Select(i => (Task: t, Init: i))).ToList();
            var threads = Math.Min(options.Threads, work.Count);
            if (threads > 1) Torch.Torch.Threads = 1;
            if (options.VideoDirectory is not null) Directory.CreateDirectory(options.VideoDirectory);
            var outcomes = new ConcurrentBag<(int Task, bool Success, int Steps, string? Reason)>();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
            {
                var mine = work.Where((_, k) => k % threads == w).ToList();
                RunShare(policy, models, contexts, mine, options, (ulong)w, outcomes, onEpisode);
            });
            var scores = new List<TaskScore>();
            for (var t = 0; t < models.Count; t++)
            {
                var e = outcomes.Where(o => o.Task == t).ToList();
                var reasons = e.Where(o => !o.Success).GroupBy(o => o.Reason ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
                var score = new TaskScore(tasks[t].Id, e.Count, e.Count(o => o.Success), e.Count == 0 ? 0 : e.Average(o => o.Steps), reasons);
                Logger.Information("Policy on {TaskId}: {Successes}/{Episodes}", score.TaskId, score.Successes, score.Episodes);
                scores.Add(score);
            }
            return scores;
        }
        finally
        {
            Torch.Torch.Threads = previousThreads;
            foreach (var m in models) m.Dispose();
        }
    }

    private sealed class Episode(ManipulationEnv env, int task, int init, float[] observation)
    {
        public ManipulationEnv Env { get; } = env;
        public int Task { get; } = task;
        public int Init { get; } = init;
        public float[] Observation { get; } = observation;
        public Queue<double[]> Pending { get; } = new();
        public EpisodeFilmstrip? Film { get; set; }
        public bool Done { get; set; }
    }

    private static void RunShare(IPolicy policy, List<TaskModel> models, List<ContextSet> contexts, List<(int Task, int Init)> share,
        EvaluationOptions options, ulong worker, ConcurrentBag<(int, bool, int, string?)> outcomes, Action? onEpisode)
    {
        var config = policy.Config;
        var renderers = new Dictionary<(int Task, int Size), Renderer>();
        using var generator = new Generator(options.Seed * 7919 + worker + 1);
        var episodes = new List<Episode>();
        Renderer RendererFor(int task, int size)
        {
            if (!renderers.TryGetValue((task, size), out var r))
                renderers[(task, size)] = r = new Renderer(models[task].Model, size, size);
            return r;
        }
        try
        {
            foreach (var (task, init) in share)
            {
                var env = new ManipulationEnv(models[task]);
                var e = new Episode(env, task, init, new float[models[task].Observation.Size]);
                env.Reset(contexts[task][init], e.Observation);
                if (options.VideoDirectory is not null && init < options.VideoEpisodes)
                    e.Film = new EpisodeFilmstrip(options.VideoSize, options.VideoFrames);
                episodes.Add(e);
            }
            var every = 5;
            while (episodes.Any(e => !e.Done))
            {
                var deciding = episodes.Where(e => !e.Done && e.Pending.Count == 0).ToList();
                if (deciding.Count > 0)
                {
                    var batch = deciding.Select(e => Observe(e, models[e.Task], config, RendererFor)).ToList();
                    var decisions = policy.Act(batch, options.Mode, generator);
                    for (var i = 0; i < deciding.Count; i++)
                    {
                        var a = decisions[i].Actions;
                        for (var s = 0; s < policy.ExecuteSteps; s++)
                            deciding[i].Pending.Enqueue(a.AsSpan(s * policy.ActionDim, policy.ActionDim).ToArray().Select(v => (double)v).ToArray());
                    }
                }
                foreach (var e in episodes.Where(e => !e.Done))
                {
                    if (e.Film is not null && e.Env.StepCount % every == 0)
                        e.Film.Add(RendererFor(e.Task, options.VideoSize).Render(e.Env.Data, DemoGenerator.Cameras(models[e.Task].Spec.Robot)[0]));
                    var r = e.Env.Step(e.Pending.Dequeue(), e.Observation);
                    if (!r.Done) continue;
                    e.Done = true;
                    if (e.Film is not null)
                    {
                        e.Film.Add(RendererFor(e.Task, options.VideoSize).Render(e.Env.Data, DemoGenerator.Cameras(models[e.Task].Spec.Robot)[0]));
                        e.Film.Write(Path.Combine(options.VideoDirectory!, $"{models[e.Task].Spec.Name}_eval{e.Init:D2}_{(r.Success ? "success" : "failure")}.png"));
                    }
                    outcomes.Add((e.Task, r.Success, e.Env.StepCount, r.FailureReason));
                    onEpisode?.Invoke();
                }
            }
        }
        finally
        {
            foreach (var e in episodes) e.Env.Dispose();
            foreach (var r in renderers.Values) r.Dispose();
        }
    }

    /// <summary>The policy's view of an env now: state, camera frames at the policy's size, the instruction.</summary>
    private static PolicyObservation Observe(Episode e, TaskModel model, PolicyConfig config, Func<int, int, Renderer> renderer) =>
        new((float[])e.Observation.Clone(), PolicyCameras.Render(config, model.Model, e.Env.Data, size => renderer(e.Task, size)), model.Spec.Instruction,
            model.Observation.Fields);
}
