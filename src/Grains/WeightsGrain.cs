using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;

namespace RiptOrleans.Grains;

/// <summary>The published versions of one run, in memory on the learner's silo (it dies with the learner, which republishes on restart).</summary>
[KeepAlive]
[PreferSiloMetadata($"{SiloMetadataKeys.Gpu}=true", $"{SiloMetadataKeys.Role}={SiloMetadataKeys.Learner}", SiloMetadataKeys.AnySilo)]
public sealed class WeightsGrain : Grain, IWeightsGrain
{
    /// <summary>Versions kept: the current one, and older ones that late jobs may still name.</summary>
    private const int Keep = 3;
    private readonly SortedDictionary<long, WeightsBlob> _versions = [];

    public Task PublishAsync(WeightsBlob weights)
    {
        _versions[weights.Version] = weights;
        while (_versions.Count > Keep)
            _versions.Remove(_versions.Keys.First());
        return Task.CompletedTask;
    }

    public Task<WeightsBlob> GetAsync(long version) =>
        _versions.TryGetValue(version, out var w)
            ? Task.FromResult(w)
            : Task.FromException<WeightsBlob>(new KeyNotFoundException(
                $"weights version {version} of run {this.GetPrimaryKeyString()} is not published (held: {string.Join(", ", _versions.Keys.Select(v => $"v{v}"))})"));
}
