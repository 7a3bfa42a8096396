using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Tests.Cluster;

/// <summary>
/// deploy/local-cluster on loopback for the process-level fault tests: Redis, a learner silo and two worker silos of one
/// slot each (separate `ript silo` processes), a client of it, an untrained state policy of metaworld-mini/reach to
/// start runs from, and the final weights of one uninterrupted run to compare interrupted ones with.
/// </summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    public const string Task = "metaworld-mini/reach";
    public static readonly string[] Silos = ["learner", "worker-1", "worker-2"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ript-cluster-tests-").FullName;
    private Task<byte[]>? _straight;

    internal LocalCluster Cluster { get; private set; } = null!;
    internal ClusterConnection Connection { get; private set; } = null!;
    public IGrainFactory Grains => Connection.Grains;
    public string StartCheckpoint => Path.Combine(_dir, "start");
    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Cluster = await LocalCluster.StartAsync(Path.Combine(_dir, "cluster"), workers: 2, slots: 1);
        Connection = await ClusterConnection.ConnectAsync(Cluster.Address, "ript", default);
        StartedIn = started.Elapsed;
        Support.UntrainedCheckpoint.Save(StartCheckpoint, Task);
    }

    /// <summary>A 3-iteration run (8 groups of 4 rollouts per iteration, no rejection) in its own directory; the in-flight target follows the workers.</summary>
    public RiptRunOptions Run(string name, int iterations = 3) =>
        new(Path.Combine(_dir, name), [Task], StartCheckpoint, new RiptOptions
        {
            K = 4, BatchSize = 32, Epochs = 2, MinibatchSize = 8, LearningRate = 1e-3, DynamicRejection = false,
        }, iterations)
        {
            ContextsPerTask = 8, EvalInits = 0, Workers = 0, Seed = 3,
        };

    /// <summary>The final weights of the same run, uninterrupted (run once, on first use).</summary>
    public Task<byte[]> StraightWeightsAsync() => _straight ??= RunStraightAsync();

    private async Task<byte[]> RunStraightAsync()
    {
        var run = Run("straight");
        await RunClient.RunAsync(Grains, run, null, null, default).WaitAsync(TimeSpan.FromMinutes(3));
        return File.ReadAllBytes(Path.Combine(run.CheckpointDirectory, Checkpoint.WeightsFile));
    }

    /// <summary>Starts any of the fixture's silos that a test (or a failed one) left stopped.</summary>
    public async Task EnsureUpAsync()
    {
        foreach (var silo in Silos)
        {
            try
            {
                await Cluster.PidAsync(silo);
            }
            catch (InvalidOperationException)
            {
                await Cluster.StartSiloAsync(silo);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        if (Cluster is not null) await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
