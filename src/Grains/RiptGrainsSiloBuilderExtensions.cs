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
        // Transient: Orleans resolves one filter per grain type and initialises it with that type's rules. A singleton would
        // be one instance shared by every type, each resolution overwriting the rules of the others (the context groups'
        // worker rule then placed the next run's learner and weights grains on a worker, and vice versa).
        silo.Services.AddPlacementFilter<PreferSiloMetadataFilter, PreferSiloMetadataDirector>(ServiceLifetime.Transient);
        silo.Services.TryAddSingleton(_ => new TaskModelCache());
        silo.Services.TryAddSingleton(PolicyLoader.Default);
        silo.Services.TryAddSingleton<WeightsCache>();
        silo.Services.TryAddSingleton<WorkerPool>();
        return silo;
    }
}
