using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;
using RiptOrleans.Grains.Placement;

namespace RiptOrleans.Grains;

/// <summary>What every silo that hosts RiptOrleans grains registers: the placement filter, the weights cache, the worker pool, compiled tasks, the policy loader.</summary>
public static class RiptGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Registers the grains' services; a TaskModelCache or PolicyLoader registered before wins (tests bring their own
    /// tasks and a tiny policy). Silo configuration proper (clustering, endpoints, metadata) is the host's.
    /// </summary>
    public static ISiloBuilder AddRiptGrains(this ISiloBuilder silo)
    {
        silo.Services.AddPlacementFilter<PreferSiloMetadataFilter, PreferSiloMetadataDirector>(ServiceLifetime.Singleton);
        silo.Services.TryAddSingleton(_ => new TaskModelCache());
        silo.Services.TryAddSingleton(PolicyLoader.Default);
        silo.Services.TryAddSingleton<WeightsCache>();
        silo.Services.TryAddSingleton<WorkerPool>();
        return silo;
    }
}
