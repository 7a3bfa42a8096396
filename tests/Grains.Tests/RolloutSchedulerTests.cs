using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Tests.Support;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Tests;

[Trait("Category", "Fast")]
public class RolloutSchedulerTests
{
    private static readonly RiptOptions Options = new() { K = 4, BatchSize = 8 };

    private static async Task<Collection> Collect(GrainFixture f, DirectGrainFactory grains, RiptOptions options, int parallelism = 2) =>
        await new RolloutScheduler(grains, f.Services.Contexts, "run", 5, parallelism)
            .CollectAsync(0, 0, options, grains.GetGrain<IGrainRegistry>("run"), null, default);

    [Fact]
    public async Task CollectAsync_BatchOf8WithK4_AcceptsExactlyTwoGroupsOfMixedRewards()
    {
        using var f = new GrainFixture(contextsPerTask: 12);
        using var grains = new DirectGrainFactory(f.Services);

        var c = await Collect(f, grains, Options);

        Assert.Equal(2, c.Accepted.Count);
        Assert.Equal(8, c.Accepted.Sum(g => g.Trajectories.Count));
        Assert.All(c.Accepted, g => Assert.False(g.AllEqual));
        Assert.Equal(c.Acceptance.ContextsTried - 2, c.Acceptance.RejectedAllFail + c.Acceptance.RejectedAllSuccess);
    }

    [Fact]
    public async Task CollectAsync_ResultsOfAnOlderVersion_AreDroppedAsLate()
    {
        using var f = new GrainFixture(contextsPerTask: 12);
        using var grains = new DirectGrainFactory(f.Services) { AgeEveryNth = 2 };

        var c = await Collect(f, grains, Options);

        Assert.True(c.Late > 0);
        Assert.All(c.Accepted, g => Assert.Equal(0, g.PolicyVersion));
        var stats = await grains.GetGrain<IGrainRegistry>("run").GetContextsAsync(null, default);
        Assert.Equal(c.Late, stats.Sum(s => s.Late));
    }

    [Fact]
    public async Task CollectAsync_EveryGroupFails_StopsWhenSuccessIsRuledOutNamingTheSplit()
    {
        using var f = new GrainFixture(2, TestTasks.ImpossibleReach);
        using var grains = new DirectGrainFactory(f.Services);

        // p < 10 % at 90 % confidence after 22 failures: the 6th group of 4.
        var e = await Assert.ThrowsAsync<RiptRejectionException>(() => Collect(f, grains, Options with { MinSuccessRate = 0.1, SuccessConfidence = 0.9 }));

        Assert.StartsWith("6 groups tried (0 mixed, 0 all-success, 6 all-fail): no success in 24 rollouts", e.Message);
    }

    [Fact]
    public async Task CollectAsync_DeterministicMode_AcceptsTheSameGroupsAtAnyParallelism()
    {
        using var f = new GrainFixture(contextsPerTask: 12);
        using var one = new DirectGrainFactory(f.Services);
        using var two = new DirectGrainFactory(f.Services);

        var a = await Collect(f, one, Options, parallelism: 1);
        var b = await Collect(f, two, Options, parallelism: 3);

        Assert.Equal(a.Accepted.Select(g => g.ContextId), b.Accepted.Select(g => g.ContextId));
        Assert.Equal(a.Accepted.SelectMany(g => g.Rewards), b.Accepted.SelectMany(g => g.Rewards));
    }
}
