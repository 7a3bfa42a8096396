using System.Collections.Concurrent;
using RiptOrleans.Learner.Episodes;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Data;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using Serilog;

namespace RiptOrleans.Learner.Evaluation;

/// <summary>
/// Success rate of a policy per task over the evaluation contexts (ContextSet's Eval split, or the demos' initial
/// states when <see cref="EvaluationOptions.DemoDirectory"/> is set). Episodes are spread over
/// threads; each thread runs one env per episode, all of its episodes in lock-step, with one batched policy forward
/// per round of decisions (<see cref="EpisodeRunner"/>) and its own renderers (GL contexts are thread-bound). libtorch
/// runs one intra-op thread per worker while evaluating.
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
            var contexts = models.Select(m => Contexts(m, options)).ToList();
            var work = Enumerable.Range(0, models.Count).SelectMany(t => Enumerable.Range(0, options.Inits).Select(i => (Task: t, Init: i))).ToList();
            var threads = Math.Min(options.Threads, work.Count);
            if (threads > 1) Torch.Torch.Threads = 1;
            if (options.VideoDirectory is not null) Directory.CreateDirectory(options.VideoDirectory);
            var outcomes = new ConcurrentBag<(int Task, bool Success, int Steps, string? Reason)>();
            // Dedicated threads, not the thread pool: evaluation also runs inside a silo, whose turns need the pool.
            var failures = new ConcurrentQueue<Exception>();
            var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
            {
                try
                {
                    var mine = work.Where((_, k) => k % threads == w).ToList();
                    RunShare(policy, models, contexts, mine, options, (ulong)w, outcomes, onEpisode);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }) { IsBackground = true, Name = $"eval-{w}" }).ToList();
            foreach (var t in workers) t.Start();
            foreach (var t in workers) t.Join();
            if (!failures.IsEmpty)
                throw failures.Count == 1 ? failures.Single() : new AggregateException(failures);
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

    /// <summary>The Inits contexts of a task: the first of the Eval split, or its demos' initial states cycled through.</summary>
    public static IReadOnlyList<TaskContext> Contexts(TaskModel model, EvaluationOptions options)
    {
        if (options.DemoDirectory is null) return ContextSet.Create(model, ContextSplit.Eval, options.Inits).Contexts;
        var path = Path.Combine(options.DemoDirectory, $"{model.Spec.Name}.safetensors");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no demos of {model.Spec.Id} to take contexts from", path);
        var demos = DemoFile.Load(path);
        if (demos.TaskId != model.Spec.Id) throw new InvalidDataException($"{path} holds demonstrations of {demos.TaskId}, not {model.Spec.Id}");
        if (demos.Episodes.Count == 0) throw new InvalidDataException($"{path} holds no episodes");
        return Enumerable.Range(0, options.Inits)
            .Select(i => new TaskContext(model.Spec.Id, ContextSplit.Train, i % demos.Episodes.Count, 0, demos.Episodes[i % demos.Episodes.Count].InitState)).ToList();
    }

    private static void RunShare(IPolicy policy, List<TaskModel> models, List<IReadOnlyList<TaskContext>> contexts, List<(int Task, int Init)> share,
        EvaluationOptions options, ulong worker, ConcurrentBag<(int, bool, int, string?)> outcomes, Action? onEpisode)
    {
        var renderers = new Dictionary<(MjModel Model, int Size), Renderer>();
        Renderer RendererFor(MjModel model, int size)
        {
            if (!renderers.TryGetValue((model, size), out var r))
                renderers[(model, size)] = r = new Renderer(model, size, size);
            return r;
        }
        using var generator = new Generator(options.Seed * 7919 + worker + 1);
        var episodes = new List<Episode>();
        const int every = 5;
        try
        {
            foreach (var (task, init) in share)
            {
                var model = models[task];
                var env = new ManipulationEnv(model);
                var film = options.VideoDirectory is not null && init < options.VideoEpisodes ? new EpisodeFilmstrip(options.VideoSize, options.VideoFrames) : null;
                var camera = DemoGenerator.Cameras(model.Spec.Robot)[0];
                episodes.Add(new Episode(env, contexts[task][init], model.Spec.Instruction)
                {
                    BeforeStep = film is null ? null : e =>
                    {
                        if (e.StepCount % every == 0) film.Add(RendererFor(model.Model, options.VideoSize).Render(e.Data, camera));
                    },
                    OnDone = (e, outcome) =>
                    {
                        if (film is not null)
                        {
                            film.Add(RendererFor(model.Model, options.VideoSize).Render(e.Data, camera));
                            film.Write(Path.Combine(options.VideoDirectory!, $"{model.Spec.Name}_eval{init:D2}_{(outcome.Success ? "success" : "failure")}.png"));
                        }
                        outcomes.Add((task, outcome.Success, outcome.Steps, outcome.FailureReason));
                        onEpisode?.Invoke();
                    },
                });
            }
            EpisodeRunner.Run(policy, episodes, options.Mode, generator, RendererFor, record: false);
        }
        finally
        {
            foreach (var e in episodes) e.Env.Dispose();
            foreach (var r in renderers.Values) r.Dispose();
        }
    }
}
