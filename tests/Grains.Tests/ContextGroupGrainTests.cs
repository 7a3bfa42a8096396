using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Tests.Support;

namespace RiptOrleans.Grains.Tests;

[Trait("Category", "Fast")]
public class ContextGroupGrainTests(SingleSiloFixture fixture) : IClassFixture<SingleSiloFixture>
{
    private GrainCluster Cluster => fixture.Cluster;

    private IContextGroupGrain Grain(RolloutJob job, int replica = 0) =>
        Cluster.Grains.GetGrain<IContextGroupGrain>(replica == 0 ? job.ContextId : $"{job.ContextId}#{replica}");

    [Fact]
    public async Task RunGroupAsync_MixedOutcomes_ReturnsKRewardsAndKTrajectories()
    {
        GroupResult? mixed = null;
        for (var i = 0; i < 12 && mixed is not { AllEqual: false }; i++)
        {
            var job = GrainCluster.Job(TestTasks.WideReach, i);
            mixed = await Grain(job).RunGroupAsync(job, default);
        }

        Assert.NotNull(mixed);
        Assert.Equal(6, mixed.Rewards.Length);
        Assert.False(mixed.AllEqual);
        Assert.Equal(6, mixed.Trajectories.Length);
        Assert.All(mixed.Trajectories, t => Assert.Equal(t.Decisions.Length, (t.Length + 3) / 4));
        Assert.True(mixed.SimSteps > 0);
    }

    [Fact]
    public async Task RunGroupAsync_EveryEpisodeFails_ReportsAllEqualWithReasonsAndShipsNoTrajectories()
    {
        await Cluster.PublishAsync("impossible", TestTasks.ImpossibleReach);
        var job = GrainCluster.Job(TestTasks.ImpossibleReach, 0, runId: "impossible", k: 4);

        var result = await Grain(job).RunGroupAsync(job, default);

        Assert.True(result.AllEqual);
        Assert.Empty(result.Trajectories);
        Assert.Equal(4, result.FailureReasons.Count(r => r == "timeout"));
    }

    [Fact]
    public async Task RunGroupAsync_SameSeedAndVersionOnTwoReplicas_ReplaysTheSameGroup()
    {
        var job = GrainCluster.Job(TestTasks.WideReach, 1, seed: 7);

        var a = await Grain(job, replica: 0).RunGroupAsync(job, default);
        var b = await Grain(job, replica: 1).RunGroupAsync(job with { JobId = Guid.NewGuid() }, default);

        Assert.Equal(a.Rewards, b.Rewards);
        Assert.Equal(a.SimSteps, b.SimSteps);
        Assert.Equal(a.Trajectories.SelectMany(t => t.Decisions.Select(d => d.LogProb)), b.Trajectories.SelectMany(t => t.Decisions.Select(d => d.LogProb)));
        Assert.NotEqual(a.WorkerId, b.WorkerId);
    }

    [Fact]
    public async Task RunGroupAsync_JobForAnotherContext_Throws()
    {
        var job = GrainCluster.Job(TestTasks.WideReach, 2);
        var other = GrainCluster.Job(TestTasks.WideReach, 3);

        await Assert.ThrowsAsync<ArgumentException>(() => Grain(other).RunGroupAsync(job, default));
    }

    [Fact]
    public async Task GetState_WhileAGroupRuns_AnswersWithTheRunningJob()
    {
        await Cluster.PublishAsync("long", TestTasks.LongReach);
        var job = GrainCluster.Job(TestTasks.LongReach, 0, runId: "long", k: 8);
        var grain = Grain(job);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var running = grain.RunGroupAsync(job, cancel.Token);
        ContextGroupState state;
        do
        {
            await Task.Delay(50);
            state = await grain.GetState().WaitAsync(TimeSpan.FromSeconds(5));
        } while (state.RunningJob is null && !running.IsCompleted);

        Assert.Equal(job.JobId, state.RunningJob);
        Assert.False(running.IsCompleted);
        Assert.Equal(job.ContextId, state.ContextId);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task DeactivateAsync_AfterAGroup_StopsItsThreadAndFreesItsReplica()
    {
        await Cluster.PublishAsync("deactivate", TestTasks.WideReach);
        var job = GrainCluster.Job(TestTasks.WideReach, 4, runId: "deactivate", k: 3);
        var grain = Grain(job, replica: 7);
        await grain.RunGroupAsync(job, default);
        Assert.Equal(3, (await grain.GetState()).Envs);
        var live = Cluster.LivePolicies;

        await Cluster.Cluster.DeactivateAsync(grain);
        await Cluster.Cluster.WaitForDeactivationAsync(grain);

        Assert.Equal(live - 1, Cluster.LivePolicies);
        var fresh = await grain.GetState();
        Assert.Equal(0, fresh.Envs);
        Assert.Equal(0, fresh.Groups);
    }
}
