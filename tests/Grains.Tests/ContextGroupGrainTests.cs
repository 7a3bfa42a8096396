using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Tests.Support;

namespace RiptOrleans.Grains.Tests;

[Trait("Category", "Fast")]
public class ContextGroupGrainTests
{
    private static RolloutJob Job(string contextId, int k = 6, long seed = 42, long version = 0) =>
        new(Guid.NewGuid(), "run", 0, version, contextId, k, seed);

    [Fact]
    public async Task RunGroupAsync_MixedOutcomes_ReturnsKRewardsAndKTrajectories()
    {
        using var f = new GrainFixture(contextsPerTask: 12);
        GroupResult? mixed = null;
        foreach (var id in f.Services.Contexts.Ids)
        {
            using var grain = new ContextGroupGrain(id, f.Services);
            mixed = await grain.RunGroupAsync(Job(id), default);
            if (!mixed.AllEqual) break;
        }

        Assert.NotNull(mixed);
        Assert.Equal(6, mixed.Rewards.Length);
        Assert.False(mixed.AllEqual);
        Assert.Equal(6, mixed.Trajectories.Count);
        Assert.All(mixed.Trajectories, t => Assert.Equal(t.Decisions.Count, (t.Length + 3) / 4));
        Assert.True(mixed.SimSteps > 0);
    }

    [Fact]
    public async Task RunGroupAsync_EveryEpisodeFails_ReportsAllEqualAndShipsNoTrajectories()
    {
        using var f = new GrainFixture(1, TestTasks.ImpossibleReach);
        using var grain = new ContextGroupGrain(f.Services.Contexts.Ids[0], f.Services);

        var result = await grain.RunGroupAsync(Job(f.Services.Contexts.Ids[0], k: 4), default);

        Assert.True(result.AllEqual);
        Assert.Empty(result.Trajectories);
        Assert.Equal(4, result.FailureReasons.Count(r => r == "timeout"));
    }

    [Fact]
    public async Task RunGroupAsync_SameSeedAndVersion_ReplaysTheSameGroup()
    {
        using var f = new GrainFixture();
        var id = f.Services.Contexts.Ids[1];
        using var a = new ContextGroupGrain(id, f.Services);
        using var b = new ContextGroupGrain(id, f.Services);

        var ra = await a.RunGroupAsync(Job(id, seed: 7), default);
        var rb = await b.RunGroupAsync(Job(id, seed: 7), default);

        Assert.Equal(ra.Rewards, rb.Rewards);
        Assert.Equal(ra.SimSteps, rb.SimSteps);
        Assert.Equal(ra.Trajectories.SelectMany(t => t.Decisions.Select(d => d.LogProb)), rb.Trajectories.SelectMany(t => t.Decisions.Select(d => d.LogProb)));
    }

    [Fact]
    public async Task RunGroupAsync_JobForAnotherContext_Throws()
    {
        using var f = new GrainFixture();
        using var grain = new ContextGroupGrain(f.Services.Contexts.Ids[0], f.Services);

        await Assert.ThrowsAsync<ArgumentException>(() => grain.RunGroupAsync(Job(f.Services.Contexts.Ids[1]), default));
    }
}
