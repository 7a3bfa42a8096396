using System.Diagnostics;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Benchmarks;

/// <summary>
/// Rollouts/s of the farm: through the Orleans silo with N groups in flight and with 1, and the same groups at N in
/// flight by direct calls on the same kind of threads without Orleans, all in one run.
/// </summary>
public sealed record FarmBenchResult(string TaskId, int K, int Groups, int Workers, double RolloutsPerSecond, double OneWorkerRolloutsPerSecond,
    double DirectRolloutsPerSecond, double SimStepsPerSecond, double PolicySecondsShare)
{
    /// <summary>N workers vs 1 through the silo (target ≥ 1.8 on 2 cores).</summary>
    public double Ratio => RolloutsPerSecond / OneWorkerRolloutsPerSecond;

    /// <summary>Through the silo vs direct calls, both at N in flight (target ≥ 0.97).</summary>
    public double OrleansRatio => RolloutsPerSecond / DirectRolloutsPerSecond;
}

/// <summary>
/// `ript bench farm`: the same set of rollout groups (an untrained state policy on one task, so most episodes run to
/// the horizon) through context-group grains with 1 and N in flight, and through <see cref="ContextGroup"/>s called
/// directly, each on its own thread with one libtorch thread. The silo's and the direct rates are measured in
/// alternating rounds and the best round of each is kept, so background load hits both alike.
/// </summary>
public static class FarmBenchmark
{
    public const string RunId = "bench-farm";

    public static async Task<FarmBenchResult> RunAsync(IGrainFactory grains, string taskId = "metaworld-mini/pick-place", int k = 8, int groups = 8,
        int workers = 2, int rounds = 2)
    {
        var spec = TaskRegistry.Get(taskId);
        using var models = new TaskModelCache();
        var (contexts, blob) = await PrepareAsync(grains, models, spec, groups, RunId);
        RolloutJob Job(string id, long seed) =>
            new(Guid.NewGuid(), RunId, 0, 0, id, spec.Id, spec.Instruction, contexts.Get(id).State, k, seed, ShipUniform: false);

        var previousThreads = Torch.Threads;
        Torch.Threads = 1;
        var direct = contexts.Ids.ToDictionary(id => id, _ => new ContextGroup(models, PolicyLoader.Default, "direct"));
        var threads = Enumerable.Range(0, workers).Select(w => new DedicatedThread($"bench-direct-{w}", RendererCache.DisposeCurrentThread)).ToList();
        try
        {
            Task<GroupResult> ThroughSilo(string id, long seed, int _) => grains.GetGrain<IContextGroupGrain>(id).RunGroupAsync(Job(id, seed), default);
            Task<GroupResult> Direct(string id, long seed, int slot) => threads[slot].RunAsync(() => direct[id].Run(Job(id, seed), blob, default));

            // Warm-up: every context once on both paths (activates grains, builds envs and replicas, JITs).
            await Measure(contexts.Ids, workers, 1000, ThroughSilo);
            await Measure(contexts.Ids, workers, 1000, Direct);
            var one = await Measure(contexts.Ids, 1, 0, ThroughSilo);
            Measured? many = null, reference = null;
            for (var r = 0; r < rounds; r++)
            {
                var m = await Measure(contexts.Ids, workers, 0, ThroughSilo);
                var d = await Measure(contexts.Ids, workers, 0, Direct);
                if (many is null || m.Rate > many.Rate) many = m;
                if (reference is null || d.Rate > reference.Rate) reference = d;
            }
            return new FarmBenchResult(spec.Id, k, groups, workers, many!.Rate, one.Rate, reference!.Rate, many.SimSteps / many.Seconds,
                many.PolicySeconds / (many.Seconds * workers));
        }
        finally
        {
            foreach (var t in threads) await t.StopAsync();
            foreach (var g in direct.Values) g.Dispose();
            Torch.Threads = previousThreads;
        }
    }

    /// <summary>
    /// The benchmarks' run: <paramref name="groups"/> training contexts of the task and an untrained state policy (most
    /// episodes run to the horizon), published as v0 of <paramref name="runId"/>.
    /// </summary>
    public static async Task<(ContextCatalog Contexts, WeightsBlob Weights)> PrepareAsync(IGrainFactory grains, TaskModelCache models, TaskSpec spec, int groups,
        string runId)
    {
        var task = models.Get(spec.Id);
        var contexts = new ContextCatalog();
        contexts.AddTrainingPool(task, groups);
        var config = new PolicyConfig(PolicyKind.Regression, task.Observation.Size, task.ActionDim, 8, 4, []) { DModel = 64 };
        var inputs = InputStatistics.Identity(WordTokenizer.Build([spec.Instruction]), config.StateDim);
        byte[] weights;
        using (var generator = new Generator(1))
        using (var policy = PolicyFactory.Create(config, inputs, generator))
            weights = policy.ExportWeights(0);
        var blob = new WeightsBlob(runId, 0, weights, Checkpoint.Sha256Hex(weights), PolicyConfigJson.Serialize(config));
        await grains.GetGrain<IWeightsGrain>(runId).PublishAsync(blob);
        return (contexts, blob);
    }

    private sealed record Measured(double Seconds, long SimSteps, double PolicySeconds, int Rollouts)
    {
        public double Rate => Rollouts / Seconds;
    }

    /// <summary>Runs one group per context with at most <paramref name="inFlight"/> at once (slot = which of them).</summary>
    private static async Task<Measured> Measure(IReadOnlyList<string> ids, int inFlight, long seedBase, Func<string, long, int, Task<GroupResult>> run)
    {
        var sw = Stopwatch.StartNew();
        var next = 0;
        var results = new List<GroupResult>();
        async Task Lane(int slot)
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next) - 1;
                if (i >= ids.Count) return;
                var r = await run(ids[i], seedBase + i, slot);
                lock (results) results.Add(r);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(Lane));
        return new Measured(sw.Elapsed.TotalSeconds, results.Sum(r => r.SimSteps), results.Sum(r => r.Timings.PolicySeconds), results.Sum(r => r.Rewards.Length));
    }
}
