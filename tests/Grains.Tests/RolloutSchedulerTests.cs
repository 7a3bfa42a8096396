using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Tests.Support;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Tests;

[Trait("Category", "Fast")]
public class RolloutSchedulerTests(SingleSiloFixture fixture) : IClassFixture<SingleSiloFixture>
{
    private GrainCluster Cluster => fixture.Cluster;

    private static ContextCatalog Contexts(TaskSpec task, int count)
    {
        using var model = TaskModel.Compile(task);
        var catalog = new ContextCatalog();
        catalog.AddTrainingPool(model, count);
        return catalog;
    }

    [Fact]
    public async Task CollectAsync_GroupCallsFail_ReissuesThemUnderTheSameJobAfterTheHookAndCountsEachOnce()
    {
        // No weights are published for this run: every first call fails until the hook publishes them.
        var published = false;
        var scheduler = new RolloutScheduler(Cluster.Grains, Contexts(TestTasks.WideReach, 6), "unpublished", 5, 2)
        {
            BeforeReissue = async () =>
            {
                if (published) return;
                published = true;
                await Cluster.PublishAsync("unpublished", TestTasks.WideReach);
            },
        };

        var c = await scheduler.CollectAsync(0, 0, TestRuns.Small with { DynamicRejection = false }, Cluster.Grains.GetGrain<IGrainRegistry>("unpublished"),
            null, default);

        Assert.True(c.Reissued >= 1);
        Assert.Equal(2, c.Accepted.Count);
        Assert.Equal(2, c.Accepted.Select(g => g.JobId).Distinct().Count());
        Assert.Equal(0, c.Duplicates);
        var stats = await Cluster.Grains.GetGrain<IGrainRegistry>("unpublished").GetContextsAsync(null);
        Assert.Equal(c.Acceptance.ContextsTried, stats.Sum(s => s.Groups));
    }

    [Fact]
    public async Task CollectAsync_BatchOf8WithK4_AcceptsExactlyTwoGroupsOfMixedRewards()
    {
        var scheduler = new RolloutScheduler(Cluster.Grains, Contexts(TestTasks.WideReach, 12), "run", 5, 2);

        var c = await scheduler.CollectAsync(0, 0, TestRuns.Small, Cluster.Grains.GetGrain<IGrainRegistry>("run"), null, default);

        Assert.Equal(2, c.Accepted.Count);
        Assert.Equal(8, c.Accepted.Sum(g => g.Trajectories.Length));
        Assert.All(c.Accepted, g => Assert.False(g.AllEqual));
        Assert.Equal(c.Acceptance.ContextsTried - 2, c.Acceptance.RejectedAllFail + c.Acceptance.RejectedAllSuccess);
    }
}
