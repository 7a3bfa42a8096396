using System.Collections.Concurrent;

namespace RiptOrleans.Grains;

/// <summary>Published policy weights by version (safetensors bytes); replicas fetch the version a job names.</summary>
/// <remarks>In-process it is memory; in a cluster the learner silo serves the same bytes over HTTP, checked by sha256.</remarks>
public sealed class WeightsStore
{
    private readonly ConcurrentDictionary<long, byte[]> _versions = new();

    /// <summary>Keeps the newest few versions: late results may still name an old one.</summary>
    public int Keep { get; init; } = 3;

    public long Latest { get; private set; } = -1;

    public void Publish(long version, byte[] weights)
    {
        _versions[version] = weights;
        Latest = Math.Max(Latest, version);
        foreach (var old in _versions.Keys.Where(v => v <= Latest - Keep))
            _versions.TryRemove(old, out _);
    }

    public byte[] Get(long version) =>
        _versions.TryGetValue(version, out var w) ? w : throw new KeyNotFoundException($"weights version {version} is not published (latest {Latest})");
}
