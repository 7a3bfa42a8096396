using RiptOrleans.Grains.Abstractions;
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
}
