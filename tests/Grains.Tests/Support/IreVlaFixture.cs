using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>
/// One silo that loads the real policy families, scripted-expert demos of metaworld-mini/reach and a small, briefly
/// trained regression SFT checkpoint on them: where iRe-VLA test runs start (its D_e is those demos).
/// </summary>
public sealed class IreVlaFixture : IAsyncLifetime
{
    public static readonly TaskSpec Reach = TaskRegistry.Get("metaworld-mini/reach");

    internal GrainCluster Cluster { get; private set; } = null!;

    public string DemoDirectory => Path.Combine(Cluster.Directory, "demos");

    public string SftCheckpoint => Path.Combine(Cluster.Directory, "sft", "checkpoint");

    /// <summary>Expert demos of <see cref="TestTasks.QuickReach"/> (D_e of runs on it; the SFT checkpoint learned reach from the reach demos).</summary>
    public string QuickReachDemoDirectory => Path.Combine(Cluster.Directory, "demos-quick-reach");

    public async Task InitializeAsync()
    {
        Cluster = await GrainCluster.StartAsync(PolicyLoader.Default);
        Directory.CreateDirectory(DemoDirectory);
        DemoGenerator.Generate(Reach, new DemoGenerator.Options(6)).Save(Path.Combine(DemoDirectory, "reach.safetensors"));
        Directory.CreateDirectory(QuickReachDemoDirectory);
        DemoGenerator.Generate(TestTasks.QuickReach, new DemoGenerator.Options(3)).Save(Path.Combine(QuickReachDemoDirectory, $"{TestTasks.QuickReach.Name}.safetensors"));
        // Deliberately short: the start succeeds sometimes, so RL has mixed outcomes and stage 2 has room to help.
        SftTrainer.Run(new SftOptions
        {
            Task = Reach.Id, DemoDir = DemoDirectory, Demos = 3, Policy = PolicyKind.Regression, DModel = 32, Layers = 1, Steps = 120, ScaleSteps = 60,
            BatchSize = 32, EvalInits = 0, Out = Path.Combine(Cluster.Directory, "sft"), Seed = 1,
        });
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
