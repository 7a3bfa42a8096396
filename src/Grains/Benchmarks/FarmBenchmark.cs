using System.Diagnostics;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Benchmarks;

/// <summary>Rollouts/s of the farm with one worker and with more, the same groups in the same run.</summary>
public sealed record FarmBenchResult(string TaskId, int K, int Groups, int Workers, double RolloutsPerSecond, double ReferenceRolloutsPerSecond,
    double SimStepsPerSecond, double PolicySecondsShare)
{
    public double Ratio => RolloutsPerSecond / ReferenceRolloutsPerSecond;
}

/// <summary>
/// `ript bench farm`: the same set of rollout groups (an untrained state policy on one task, so every episode runs to
/// its horizon) through a silo with 1 worker and with N, each grain turn on one libtorch thread.
/// </summary>
public static class FarmBenchmark
{
    public static async Task<FarmBenchResult> RunAsync(Func<GrainServices, int, IGrainFactory> silo, string taskId = "metaworld-mini/pick-place",
        int k = 8, int groups = 8, int workers = 2)
    {
        var spec = TaskRegistry.Get(taskId);
        using var models = new TaskModelCache();
        var task = models.Get(spec.Id);
        var contexts = new ContextCatalog();
        contexts.AddTrainingPool(task, groups);
        var config = new PolicyConfig(PolicyKind.Regression, task.Observation.Size, task.ActionDim, 8, 4, []) { DModel = 64 };
        var inputs = InputStatistics.Identity(WordTokenizer.Build([spec.Instruction]), config.StateDim);
        using var generator = new Generator(1);
        using var policy = PolicyFactory.Create(config, inputs, generator);
        var weights = policy.ExportWeights(0);
        var previousThreads = Torch.Threads;
        Torch.Threads = 1;
        try
        {
            async Task<(double Seconds, long SimSteps, double PolicySeconds, int Rollouts)> Measure(int w)
            {
                var services = new GrainServices(contexts, models, new WeightsStore(), () => PolicyFactory.FromWeights(weights, config), $"bench-{w}");
                services.Weights.Publish(0, weights);
                var factory = silo(services, w);
                try
                {
                    // Warm-up: one group per worker activates grains and JITs the paths.
                    await Task.WhenAll(contexts.Ids.Take(w).Select((id, i) => Run(factory, id, k, 1000 + i)));
                    var sw = Stopwatch.StartNew();
                    var results = await Task.WhenAll(contexts.Ids.Select((id, i) => Run(factory, id, k, i)));
                    return (sw.Elapsed.TotalSeconds, results.Sum(r => r.SimSteps), results.Sum(r => r.Timings.PolicySeconds), results.Sum(r => r.Rewards.Length));
                }
                finally
                {
                    if (factory is IAsyncDisposable d) await d.DisposeAsync();
                }
            }
            var one = await Measure(1);
            var many = await Measure(workers);
            return new FarmBenchResult(spec.Id, k, groups, workers, many.Rollouts / many.Seconds, one.Rollouts / one.Seconds,
                many.SimSteps / many.Seconds, many.PolicySeconds / (many.Seconds * workers));
        }
        finally
        {
            Torch.Threads = previousThreads;
        }
    }

    private static Task<GroupResult> Run(IGrainFactory grains, string contextId, int k, long seed) =>
        grains.GetGrain<IContextGroupGrain>(contextId).RunGroupAsync(new RolloutJob(Guid.NewGuid(), "bench", 0, 0, contextId, k, seed), default);
}
