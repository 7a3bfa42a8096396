using Orleans.TestingHost;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Tests.Hosting;

/// <summary>Silos built by RiptSilo.Configure (the one silo configuration) in an in-process cluster, and the embedded silo.</summary>
[Trait("Category", "Fast")]
public class RiptSiloTests
{
    [Fact]
    public async Task Configure_LearnerSiloWithGpuAndAWorker_PlacesTheLearnerOnTheGpuSilo()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.AssumeHomogenousSilosForTesting = false;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((options, silo) => RiptSilo.Configure(silo, options.SiloName == "Silo_0"
            ? new SiloSettings(SiloMetadataKeys.Learner, Gpu: true, ClusteringMode.External)
            : new SiloSettings(SiloMetadataKeys.Worker, Gpu: false, ClusteringMode.External)));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var states = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => cluster.Client.GetGrain<ILearnerGrain>($"run-{i}").GetState()));

        var gpu = cluster.Silos.Single(s => s.Name == "Silo_0").SiloAddress.ToString();
        Assert.All(states, s => Assert.StartsWith(gpu, s.Silo));
        Assert.All(states, s => Assert.Equal(RunPhase.Idle, s.Phase));
    }

    [Fact]
    public async Task EmbeddedSilo_StartedTwiceAtOnce_RunsBothOnFreePorts()
    {
        await using var a = await EmbeddedSilo.StartAsync();
        await using var b = await EmbeddedSilo.StartAsync();

        var sa = await a.Grains.GetGrain<ILearnerGrain>("x").GetState();
        var sb = await b.Grains.GetGrain<ILearnerGrain>("x").GetState();

        Assert.NotEqual(sa.Silo, sb.Silo);
    }
}
