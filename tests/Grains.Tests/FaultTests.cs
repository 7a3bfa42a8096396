using System.Diagnostics;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Grains.Tests.Support;

namespace RiptOrleans.Grains.Tests;

/// <summary>Silos killed mid-run in an in-process cluster (a learner silo with a GPU, two workers): the run finishes as if nothing happened.</summary>
[Trait("Category", "Fault")]
public class FaultTests
{
    private static Task<GrainCluster> StartAsync() => GrainCluster.StartAsync(new TestSilo(SiloMetadataKeys.Learner, Gpu: true),
        new TestSilo(SiloMetadataKeys.Worker), new TestSilo(SiloMetadataKeys.Worker));

    private static RiptRunOptions Run(GrainCluster cluster, string name) =>
        TestRuns.Of(cluster, name, 3, TestRuns.Small with { BatchSize = 64, DynamicRejection = false }, contexts: 12, workers: 4);

    /// <summary>Waits until the run has reported a group of <paramref name="iteration"/>.</summary>
    private static async Task WaitForGroupOf(List<GroupEvent> groups, int iteration, Task run)
    {
        var deadline = Stopwatch.StartNew();
        while (!run.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            lock (groups)
                if (groups.Any(g => g.Iteration == iteration)) return;
            await Task.Delay(20);
        }
        throw new TimeoutException($"no group of iteration {iteration} within 60 s (run completed: {run.IsCompleted})");
    }

    [Fact]
    public async Task KillWorkerSilo_MidIteration_IterationCompletesOnTheSurvivorWithEachGroupCountedOnce()
    {
        await using var cluster = await StartAsync();
        var straight = Run(cluster, "worker-straight");
        await TestRuns.RunAsync(cluster, straight);
        var run = Run(cluster, "worker-killed");
        var reports = new List<IterationReport>();
        var groups = new List<GroupEvent>();

        var running = TestRuns.RunAsync(cluster, run, reports, groups);
        await WaitForGroupOf(groups, 1, running);
        var killedAt = DateTimeOffset.UtcNow;
        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos.Single(s => s.Name == "Silo_2"));
        await running;

        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(16, r.Accepted));
        var reissued = reports[1].Reissued;
        Assert.True(reissued >= 1, "no group was lost with the killed silo");
        var retried = groups.Where(g => g.Attempt > 1).ToList();
        Assert.NotEmpty(retried);
        Assert.All(retried, g => Assert.True(g.At - killedAt < TimeSpan.FromSeconds(15), $"group {g.ContextId} came back {(g.At - killedAt).TotalSeconds:F1}s after the kill"));
        Assert.Equal(0, reports.Sum(r => r.Duplicates));
        // Deterministic mode: a group counted twice or lost would change D and so the weights.
        Assert.Equal(TestRuns.FinalWeights(straight), TestRuns.FinalWeights(run));
    }

    [Fact]
    public async Task KillLearnerSilo_MidRun_ResumesFromItsCheckpointWithTheWeightsOfAnUninterruptedRun()
    {
        await using var cluster = await StartAsync();
        var straight = Run(cluster, "learner-straight");
        await TestRuns.RunAsync(cluster, straight);
        var run = Run(cluster, "learner-killed");
        var reports = new List<IterationReport>();
        var groups = new List<GroupEvent>();

        var running = TestRuns.RunAsync(cluster, run, reports, groups);
        await WaitForGroupOf(groups, 1, running);
        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos.Single(s => s.Name == "Silo_0"));
        var result = await running;

        Assert.Equal(1, result.StartIteration);
        Assert.Equal([0, 1, 2], reports.Select(r => r.Iteration).Distinct().Order());
        Assert.Equal(TestRuns.FinalWeights(straight), TestRuns.FinalWeights(run));
    }
}
