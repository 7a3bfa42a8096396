using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>Small RIPT runs over the test tasks, started from the cluster's untrained linear checkpoint.</summary>
internal static class TestRuns
{
    public static readonly RiptOptions Small = new() { K = 4, BatchSize = 8, Epochs = 2, MinibatchSize = 4 };

    public static RiptRunOptions Of(GrainCluster cluster, string name, int iterations, RiptOptions? ript = null, int contexts = 12, int workers = 2,
        TaskSpec? task = null)
    {
        task ??= TestTasks.WideReach;
        return new RiptRunOptions(Path.Combine(cluster.Directory, name), [task.Id], cluster.StartCheckpoint(task), ript ?? Small, iterations)
        {
            ContextsPerTask = contexts, EvalInits = 0, Workers = workers, Seed = 5,
        };
    }

    /// <summary>Runs to the end through the thin client, bounded in time.</summary>
    public static Task<RunResult> RunAsync(GrainCluster cluster, RiptRunOptions run, List<IterationReport>? reports = null, List<GroupEvent>? groups = null,
        TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        return RunClient.RunAsync(cluster.Grains, run, r => { lock (reports ?? []) reports?.Add(r); }, g => { lock (groups ?? []) groups?.Add(g); },
            cancel.Token, TimeSpan.FromMilliseconds(50)).WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
    }

    public static byte[] FinalWeights(RiptRunOptions run) => File.ReadAllBytes(Path.Combine(run.CheckpointDirectory, Checkpoint.WeightsFile));
}
