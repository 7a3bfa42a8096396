namespace RiptOrleans.Grains.Tests.Support;

/// <summary>One embedded-style silo (role all) shared by a test class, with v0 weights of run "run" for the wide-reach task.</summary>
public sealed class SingleSiloFixture : IAsyncLifetime
{
    internal GrainCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await GrainCluster.StartAsync();
        await Cluster.PublishAsync("run", TestTasks.WideReach);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
