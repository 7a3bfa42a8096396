using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Tests.Support;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Grains.Tests;

[Trait("Category", "Fast")]
public class LearnerGrainTests
{
    private static (LearnerGrain Learner, Optim.AdamW Optimizer) Learner(GrainFixture f, DirectGrainFactory grains, RiptOptions options)
    {
        var optimizer = new Optim.AdamW(f.Policy.RlParameters(), lr: options.LearningRate);
        var scheduler = new RolloutScheduler(grains, f.Services.Contexts, "run", 5, 2);
        return (new LearnerGrain(f.Policy, optimizer, scheduler, grains.GetGrain<IGrainRegistry>("run"), f.Services, options, 5, 0), optimizer);
    }

    [Fact]
    public async Task RunIterationAsync_OneIteration_PublishesTheNextVersionAndReportsTheBatch()
    {
        using var f = new GrainFixture(contextsPerTask: 12);
        using var grains = new DirectGrainFactory(f.Services);
        var options = new RiptOptions { K = 4, BatchSize = 8, Epochs = 2, MinibatchSize = 4 };
        var (learner, optimizer) = Learner(f, grains, options);
        using var _ = optimizer;

        var report = await learner.RunIterationAsync(0, default);

        Assert.Equal(1, report.PolicyVersion);
        Assert.Equal(1, f.Services.Weights.Latest);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(8, report.Update.Samples);
        Assert.True(report.Update.OptimizerSteps >= 2);
        Assert.True(report.Rollouts >= 8);
    }

    [Fact]
    public async Task RunIterationAsync_RecomputedOldLogProbs_AgreeWithSampledOnesTo1e5()
    {
        using var f = new GrainFixture(contextsPerTask: 12);
        using var grains = new DirectGrainFactory(f.Services);
        var (learner, optimizer) = Learner(f, grains, new RiptOptions { K = 4, BatchSize = 8, Epochs = 1, MinibatchSize = 8 });
        using var _ = optimizer;

        var report = await learner.RunIterationAsync(0, default);

        Assert.True(report.Update.OldLogProbGap < 1e-5, $"gap {report.Update.OldLogProbGap}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task RunIterationAsync_SeveralIterationsOnAnEasyTask_RaisesSuccessOnTheSameContextsAndSeeds()
    {
        using var f = new GrainFixture(contextsPerTask: 16);
        using var grains = new DirectGrainFactory(f.Services);
        var options = new RiptOptions { K = 8, BatchSize = 32, Epochs = 4, MinibatchSize = 8, LearningRate = 3e-2, Ratio = RatioMode.PerDecision };
        var (learner, optimizer) = Learner(f, grains, options);
        using var _ = optimizer;

        // The same 16 contexts x 8 rollouts with the same seeds, at a given weights version.
        async Task<int> Successes(long version)
        {
            var total = 0;
            foreach (var id in f.Services.Contexts.Ids)
            {
                var job = new RolloutJob(Guid.NewGuid(), "probe", 0, version, id, 8, 99);
                total += (await grains.GetGrain<IContextGroupGrain>(id).RunGroupAsync(job, default)).Successes;
            }
            return total;
        }

        var before = await Successes(0);
        for (var it = 0; it < 8; it++)
            await learner.RunIterationAsync(it, default);
        var after = await Successes(learner.Version);

        Assert.True(after > before + 10, $"successes of 128 probe rollouts: {before} at v0, {after} at v{learner.Version}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task RunIterationAsync_MultitaskOverTwoTasks_RaisesSuccessOnTheSameContextsAndSeeds()
    {
        using var f = new GrainFixture(8, TestTasks.WideReach, TestTasks.MediumReach);
        using var grains = new DirectGrainFactory(f.Services);
        var options = new RiptOptions { K = 8, BatchSize = 32, Epochs = 4, MinibatchSize = 8, LearningRate = 3e-2, Ratio = RatioMode.PerDecision };
        var (learner, optimizer) = Learner(f, grains, options);
        using var _ = optimizer;

        // 8 contexts of each task x 8 rollouts, the same seeds at any weights version; successes per task.
        async Task<Dictionary<string, int>> Successes(long version)
        {
            var total = new Dictionary<string, int>();
            foreach (var id in f.Services.Contexts.Ids)
            {
                var job = new RolloutJob(Guid.NewGuid(), "probe", 0, version, id, 8, 99);
                var task = ContextCatalog.TaskIdOf(id);
                total[task] = total.GetValueOrDefault(task) + (await grains.GetGrain<IContextGroupGrain>(id).RunGroupAsync(job, default)).Successes;
            }
            return total;
        }

        var before = await Successes(0);
        for (var it = 0; it < 6; it++)
            await learner.RunIterationAsync(it, default);
        var after = await Successes(learner.Version);

        Assert.Equal(2, before.Count);
        var message = $"successes of 64 probe rollouts per task: {string.Join(", ", before.Select(b => $"{b.Key} {b.Value} -> {after[b.Key]}"))}";
        Assert.True(after.Values.Sum() > before.Values.Sum() + 10, message);
        Assert.All(before.Keys, task => Assert.True(after[task] >= before[task], message));
    }
}
