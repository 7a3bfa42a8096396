using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Tests.Support;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Tests;

[Trait("Category", "Fast")]
public class LearnerGrainTests(SingleSiloFixture fixture) : IClassFixture<SingleSiloFixture>
{
    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task RunAsync_OneIteration_PublishesTheNextVersionCheckpointsAndReportsTheBatch()
    {
        var run = TestRuns.Of(Cluster, "one", 1);
        var reports = new List<RiptMetricsLine>();

        var result = await TestRuns.RunAsync(Cluster, run, reports);

        var report = Assert.Single(reports);
        Assert.Equal(1, report.PolicyVersion);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(8, report.Samples);
        Assert.True(report.OptimizerSteps >= 2);
        Assert.True(report.Rollouts >= 8);
        Assert.Equal(0, result.StartIteration);
        Assert.Equal(1, Checkpoint.Load(run.CheckpointDirectory).State.Version);
        var published = await Cluster.Grains.GetGrain<IWeightsGrain>(run.RunId).GetAsync(1);
        Assert.Equal(TestRuns.FinalWeights(run), published.Weights);
    }

    [Fact]
    public async Task RunAsync_RecomputedOldLogProbs_AgreeWithSampledOnesTo1e5()
    {
        var reports = new List<RiptMetricsLine>();

        await TestRuns.RunAsync(Cluster, TestRuns.Of(Cluster, "gap", 1, TestRuns.Small with { Epochs = 1, MinibatchSize = 8 }), reports);

        Assert.True(reports[0].OldLogProbGap < 1e-5, $"gap {reports[0].OldLogProbGap}");
    }

    [Fact]
    public async Task RunAsync_DeterministicMode_EndsWithTheSameWeightsAtAnyParallelism()
    {
        var one = TestRuns.Of(Cluster, "parallel-1", 2, workers: 1);
        var three = TestRuns.Of(Cluster, "parallel-3", 2, workers: 3);

        await TestRuns.RunAsync(Cluster, one);
        await TestRuns.RunAsync(Cluster, three);

        Assert.Equal(TestRuns.FinalWeights(one), TestRuns.FinalWeights(three));
    }

    [Fact]
    public async Task RunAsync_OneContextWithTwoWorkers_RunsItsGroupsOnTwoReplicasAtOnce()
    {
        var run = TestRuns.Of(Cluster, "one-context", 1, TestRuns.Small with { BatchSize = 32, DynamicRejection = false }, contexts: 1, workers: 2);
        var groups = new List<GroupEvent>();

        await TestRuns.RunAsync(Cluster, run, groups: groups);

        var context = Assert.Single(groups.Select(g => g.ContextId).Distinct());
        // Replica r of a context is only called while replicas 0..r-1 run a group: two replicas busy means two groups at once.
        var replicas = groups.Select(g => g.WorkerId[..g.WorkerId.IndexOf('@')]).Distinct().ToList();
        Assert.Contains(context, replicas);
        Assert.Contains($"{context}#1", replicas);
        Assert.True((await Cluster.Grains.GetGrain<IContextGroupGrain>($"{context}#1").GetState()).Groups > 0);
    }

    [Fact]
    public async Task RunAsync_EveryGroupFails_StopsWhenSuccessIsRuledOutNamingTheSplit()
    {
        // p < 10 % at 90 % confidence after 22 failures: the 6th group of 4.
        var run = TestRuns.Of(Cluster, "impossible", 1, TestRuns.Small with { MinSuccessRate = 0.1, SuccessConfidence = 0.9 }, contexts: 2,
            task: TestTasks.ImpossibleReach);

        var e = await Assert.ThrowsAsync<RunFailedException>(() => TestRuns.RunAsync(Cluster, run));

        Assert.Equal(RunFailure.Rejection, e.Failure);
        Assert.StartsWith("6 groups tried (0 mixed, 0 all-success, 6 all-fail): no success in 24 rollouts", e.Message);
    }

    [Fact]
    public async Task RunAsync_EveryRolloutSucceeds_EndsEarlyAsSolvedInsteadOfFailing()
    {
        // p > 90 % at 90 % confidence after 22 successes: the 6th group of 4 ends the run before its first update.
        var run = TestRuns.Of(Cluster, "solved", 3, TestRuns.Small with { MinSuccessRate = 0.1, SuccessConfidence = 0.9 }, contexts: 2,
            task: TestTasks.TrivialReach);

        var result = await TestRuns.RunAsync(Cluster, run);

        Assert.NotNull(result.EndedEarly);
        Assert.StartsWith("ended after 0 of 3 iterations: 6 groups tried (0 mixed, 6 all-success, 0 all-fail)", result.EndedEarly);
        Assert.Contains("already solves", result.EndedEarly);
    }

    [Fact]
    public async Task RunAsync_MissingStartCheckpoint_FailsAsBadInputNamingThePath()
    {
        var run = TestRuns.Of(Cluster, "missing", 1) with { StartCheckpoint = Path.Combine(Cluster.Directory, "nowhere") };

        var e = await Assert.ThrowsAsync<RunFailedException>(() => TestRuns.RunAsync(Cluster, run));

        Assert.Equal(RunFailure.Input, e.Failure);
        Assert.Contains("nowhere", e.Message);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task RunAsync_SeveralIterationsOnAnEasyTask_RaisesSuccessOnTheSameContextsAndSeeds()
    {
        var run = TestRuns.Of(Cluster, "easy", 8, new RiptOptions { K = 8, BatchSize = 32, Epochs = 4, MinibatchSize = 8, LearningRate = 3e-2, WeightDecay = 1e-2, Ratio = RatioMode.PerDecision },
            contexts: 16);
        await Cluster.PublishAsync("probe-before", TestTasks.WideReach);

        await TestRuns.RunAsync(Cluster, run, timeout: TimeSpan.FromMinutes(4));

        var final = Checkpoint.Load(run.CheckpointDirectory);
        using (var trained = new LinearLaplacePolicy(final.Policy.StateDim, final.Policy.ActionDim))
        {
            trained.ImportWeights(final.Weights);
            await Cluster.PublishAsync("probe-after", TestTasks.WideReach, policy: trained);
        }
        // The same 16 contexts x 8 rollouts with the same seeds, before and after.
        async Task<int> Successes(string runId)
        {
            var total = 0;
            for (var i = 0; i < 16; i++)
            {
                var job = GrainCluster.Job(TestTasks.WideReach, i, runId, k: 8, seed: 99);
                total += (await Cluster.Grains.GetGrain<IContextGroupGrain>(job.ContextId).RunGroupAsync(job, default)).Successes;
            }
            return total;
        }
        var before = await Successes("probe-before");
        var after = await Successes("probe-after");

        Assert.True(after > before + 10, $"successes of 128 probe rollouts: {before} at v0, {after} at v{final.State.Version}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task RunAsync_MultitaskOverTwoTasks_RaisesSuccessOnTheSameContextsAndSeeds()
    {
        TaskSpec[] tasks = [TestTasks.WideReach, TestTasks.MediumReach];
        var run = TestRuns.Of(Cluster, "multitask", 6, new RiptOptions { K = 8, BatchSize = 32, Epochs = 4, MinibatchSize = 8, LearningRate = 3e-2, WeightDecay = 1e-2,
            Ratio = RatioMode.PerDecision }, contexts: 8) with { TaskIds = [.. tasks.Select(t => t.Id)] };
        await Cluster.PublishAsync("multitask-before", TestTasks.WideReach);

        await TestRuns.RunAsync(Cluster, run, timeout: TimeSpan.FromMinutes(4));

        var final = Checkpoint.Load(run.CheckpointDirectory);
        using (var trained = new LinearLaplacePolicy(final.Policy.StateDim, final.Policy.ActionDim))
        {
            trained.ImportWeights(final.Weights);
            await Cluster.PublishAsync("multitask-after", TestTasks.WideReach, policy: trained);
        }
        // 8 training contexts of each task x 8 rollouts with the same seeds, before and after; successes per task.
        async Task<int[]> Successes(string runId)
        {
            var total = new int[tasks.Length];
            for (var t = 0; t < tasks.Length; t++)
                for (var i = 0; i < 8; i++)
                {
                    var job = GrainCluster.Job(tasks[t], i, runId, k: 8, seed: 99);
                    total[t] += (await Cluster.Grains.GetGrain<IContextGroupGrain>(job.ContextId).RunGroupAsync(job, default)).Successes;
                }
            return total;
        }
        var before = await Successes("multitask-before");
        var after = await Successes("multitask-after");

        var message = $"successes of 64 probe rollouts per task: {string.Join(", ", tasks.Select((t, i) => $"{t.Name} {before[i]} -> {after[i]}"))}";
        Assert.True(after.Sum() > before.Sum() + 10, message);
        Assert.All(Enumerable.Range(0, tasks.Length), i => Assert.True(after[i] >= before[i], message));
    }
}
