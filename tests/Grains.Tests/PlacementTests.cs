using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace RiptOrleans.Grains.Tests;

/// <summary>A learner silo that declares a GPU and two worker silos: where the run's grains land, and how weights reach the workers.</summary>
[Trait("Category", "Fast")]
public class PlacementTests : IAsyncLifetime
{
    private GrainCluster _cluster = null!;
    private readonly List<GroupEvent> _groups = [];
    private RiptRunOptions _run = null!;

    public async Task InitializeAsync()
    {
        _cluster = await GrainCluster.StartAsync(new TestSilo(SiloMetadataKeys.Learner, Gpu: true), new TestSilo(SiloMetadataKeys.Worker),
            new TestSilo(SiloMetadataKeys.Worker));
        _run = TestRuns.Of(_cluster, "placed", 2, TestRuns.Small with { BatchSize = 48, DynamicRejection = false }, contexts: 12, workers: 4);
        await TestRuns.RunAsync(_cluster, _run, groups: _groups);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task LearnerGrain_WithAGpuSilo_IsPlacedOnIt()
    {
        var state = await _cluster.Grains.GetGrain<ILearnerGrain>(_run.RunId).GetState();

        Assert.Equal("Silo_0", _cluster.SiloOf(state.Silo));
        Assert.Equal(RunPhase.Finished, state.Phase);
    }

    [Fact]
    public async Task GrainRegistry_OfARun_LivesOnItsLearnersSilo()
    {
        var at = await _cluster.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(_cluster.Grains.GetGrain<IGrainRegistry>(_run.RunId));

        Assert.Equal("Silo_0", _cluster.SiloOf(at!.ToString()));
    }

    [Fact]
    public async Task EachGrainType_PlacedByTheSiloThatPlacedTheOthers_KeepsItsOwnRule()
    {
        // The learner's silo placed the run's context groups (rule: workers); what it places next keeps each type's rule.
        var silo0 = _cluster.Cluster.Silos.Single(s => s.Name == "Silo_0").SiloAddress;
        var grains = _cluster.Cluster.GetSiloServiceProvider(silo0).GetRequiredService<IGrainFactory>();

        var learner = await grains.GetGrain<ILearnerGrain>("placed-second").GetState();
        var group = await grains.GetGrain<IContextGroupGrain>("placed-second-context").GetState();

        Assert.Equal("Silo_0", _cluster.SiloOf(learner.Silo));
        Assert.NotEqual("Silo_0", _cluster.SiloOf(group.Silo));
    }

    [Fact]
    public void ContextGroupGrains_OfARun_SpreadOverTheWorkerSilosOnly()
    {
        var silos = _groups.Select(g => _cluster.SiloOf(g.WorkerId[(g.WorkerId.IndexOf('@') + 1)..])).ToList();

        Assert.Equal(["Silo_1", "Silo_2"], silos.Distinct().Order());
        // Activation-count placement: neither worker gets everything.
        Assert.All(silos.GroupBy(s => s), g => Assert.True(g.Count() >= silos.Count / 4, $"{g.Key}: {g.Count()} of {silos.Count} groups"));
    }

    [Fact]
    public void WeightsCache_OfEachWorkerSilo_FetchesEachVersionOnce()
    {
        foreach (var silo in _cluster.Cluster.Silos.Where(s => s.Name != "Silo_0"))
        {
            var cache = _cluster.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<WeightsCache>();
            var versions = _groups.Where(g => _cluster.SiloOf(g.WorkerId[(g.WorkerId.IndexOf('@') + 1)..]) == silo.Name).Select(g => g.PolicyVersion).Distinct().Count();
            Assert.Equal(versions, cache.Fetches);
        }
    }
}
