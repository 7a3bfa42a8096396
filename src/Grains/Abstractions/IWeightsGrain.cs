using Orleans.Concurrency;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Abstractions;

/// <summary>
/// The published policy versions of one run (key: run id), kept in memory next to the learner: the learner publishes
/// each version, and each silo's weights cache fetches a version once. Separate from the learner so a group that pulls
/// weights never waits on the learner, which is busy awaiting that group.
/// </summary>
[Alias("ript.IWeightsGrain")]
public interface IWeightsGrain : IGrainWithStringKey
{
    /// <summary>Adds a version; keeps the newest few (late jobs may still name an older one).</summary>
    [Alias("PublishAsync")]
    Task PublishAsync(WeightsBlob weights);

    /// <summary>The blob of a version; KeyNotFoundException names the version and those held when it is not held.</summary>
    [AlwaysInterleave, Alias("GetAsync")]
    Task<WeightsBlob> GetAsync(long version);
}
