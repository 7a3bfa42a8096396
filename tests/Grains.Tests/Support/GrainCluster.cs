using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>A silo of a test cluster: its role and whether it declares a GPU.</summary>
internal sealed record TestSilo(string Role = SiloMetadataKeys.All, bool Gpu = false);

/// <summary>
/// An in-process Orleans cluster (TestingHost's InProcessTestCluster) whose silos host the RiptOrleans grains over the
/// test tasks and the tiny linear policy, with fast failure detection; counts the policy replicas alive.
/// </summary>
internal sealed class GrainCluster : IAsyncDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("ript-grains-").FullName;
    private int _livePolicies;

    private readonly List<TestSilo> _silos;

    private GrainCluster(InProcessTestCluster cluster, List<TestSilo> silos) => (Cluster, _silos) = (cluster, silos);

    public InProcessTestCluster Cluster { get; }
    public IReadOnlyList<TestSilo> Silos => _silos;
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Policies built by the silos' loaders and not yet disposed (learner copies and replicas).</summary>
    public int LivePolicies => Volatile.Read(ref _livePolicies);

    /// <summary>A scratch directory removed with the cluster.</summary>
    public string Directory => _dir;

    public static Task<GrainCluster> StartAsync(params TestSilo[] silos) => StartAsync(null, silos);

    /// <summary>A cluster whose silos load policies with <paramref name="policies"/> (null: the tiny linear test policy).</summary>
    public static async Task<GrainCluster> StartAsync(PolicyLoader? policies, params TestSilo[] silos)
    {
        silos = silos.Length == 0 ? [new TestSilo()] : silos;
        var roles = silos.ToList();
        var builder = new InProcessTestClusterBuilder((short)silos.Length);
        builder.Options.AssumeHomogenousSilosForTesting = false;
        builder.Options.ConfigureFileLogging = false;
        GrainCluster? self = null;
        builder.ConfigureSilo((options, silo) =>
        {
            var index = int.Parse(options.SiloName["Silo_".Length..], CultureInfo.InvariantCulture);
            TestSilo role;
            lock (roles) role = index < roles.Count ? roles[index] : new TestSilo(SiloMetadataKeys.Worker);
            silo.UseSiloMetadata(new Dictionary<string, string>
            {
                [SiloMetadataKeys.Role] = role.Role,
                [SiloMetadataKeys.Gpu] = role.Gpu ? "true" : "false",
            });
            silo.Services.AddSingleton(_ => new TaskModelCache(TestTasks.Get));
            silo.Services.AddSingleton(policies ?? new PolicyLoader((config, weights) =>
            {
                Interlocked.Increment(ref self!._livePolicies);
                var p = new LinearLaplacePolicy(config.StateDim, config.ActionDim, config.ExecuteSteps)
                {
                    Disposed = () => Interlocked.Decrement(ref self!._livePolicies),
                };
                p.ImportWeights(weights);
                return p;
            }));
            silo.AddRiptGrains();
            silo.Configure<ClusterMembershipOptions>(m =>
            {
                m.ProbeTimeout = TimeSpan.FromSeconds(1);
                m.NumMissedProbesLimit = 2;
                // As `ript silo` does: a silo whose metadata a busy cluster failed to read when it joined is not placed on for
                // ProbeTimeout x missed probes + 2 x this (Orleans' negative cache); with the default 60 s that is ~2 min.
                m.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            });
        });
        var cluster = builder.Build();
        self = new GrainCluster(cluster, roles);
        await cluster.DeployAsync();
        return self;
    }

    /// <summary>Starts one more silo of the given role (named Silo_N, N its index).</summary>
    public async Task<InProcessSiloHandle> StartSiloAsync(TestSilo role)
    {
        lock (_silos) _silos.Add(role);
        return await Cluster.StartAdditionalSiloAsync();
    }

    /// <summary>The name of the silo a runtime identity (GrainResult.WorkerId, State.Silo) belongs to.</summary>
    public string SiloOf(string runtimeIdentity) =>
        Cluster.Silos.Single(s => runtimeIdentity.StartsWith(s.SiloAddress.ToString(), StringComparison.Ordinal)).Name;

    /// <summary>Publishes v<paramref name="version"/> of a linear policy of the task's sizes under a run id.</summary>
    public async Task<WeightsBlob> PublishAsync(string runId, TaskSpec task, long version = 0, LinearLaplacePolicy? policy = null)
    {
        using var model = TaskModel.Compile(task);
        var owned = policy is null;
        policy ??= new LinearLaplacePolicy(model.Observation.Size, model.ActionDim);
        try
        {
            var bytes = policy.ExportWeights(version);
            var blob = new WeightsBlob(runId, version, bytes, Checkpoint.Sha256Hex(bytes), PolicyConfigJson.Serialize(policy.Config));
            await Grains.GetGrain<IWeightsGrain>(runId).PublishAsync(blob);
            return blob;
        }
        finally
        {
            if (owned) policy.Dispose();
        }
    }

    /// <summary>A job for the i-th training context of a task.</summary>
    public static RolloutJob Job(TaskSpec task, int index, string runId = "run", int k = 6, long seed = 42, long version = 0)
    {
        using var model = TaskModel.Compile(task);
        var context = ContextSet.Create(model, ContextSplit.Train, index + 1).Contexts[index];
        return new RolloutJob(Guid.NewGuid(), runId, 0, version, context.Id, task.Id, task.Instruction, context.State, k, seed, ShipUniform: false);
    }

    /// <summary>An SFT-stage checkpoint of an untrained linear policy of the task's sizes: where test runs start.</summary>
    public string StartCheckpoint(TaskSpec task)
    {
        var path = Path.Combine(_dir, "start");
        if (System.IO.Directory.Exists(path)) return path;
        using var model = TaskModel.Compile(task);
        using var policy = new LinearLaplacePolicy(model.Observation.Size, model.ActionDim);
        new Checkpoint(policy.Config, null, policy.ExportWeights(0), null, new CheckpointState { Stage = "sft" }).Save(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A killed silo's orphaned work may still hold a file; the temp directory is left behind.
        }
    }
}
