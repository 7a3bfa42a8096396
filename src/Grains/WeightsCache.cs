using System.Collections.Concurrent;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>
/// One silo's copies of published weights: each (run, version) is fetched once from the run's weights grain however
/// many groups on this silo need it, checked against its sha256, and only the newest two versions per run are kept.
/// </summary>
public sealed class WeightsCache(IGrainFactory grains)
{
    private static readonly ILogger Logger = Log.ForContext<WeightsCache>();
    private readonly ConcurrentDictionary<(string Run, long Version), Lazy<Task<WeightsBlob>>> _blobs = new();

    /// <summary>Versions kept per run.</summary>
    public int Keep { get; init; } = 2;

    /// <summary>Fetches done so far (one per run and version unless evicted or failed).</summary>
    public int Fetches => _fetches;

    private int _fetches;

    public async Task<WeightsBlob> GetAsync(string runId, long version)
    {
        var key = (runId, version);
        var entry = _blobs.GetOrAdd(key, k => new Lazy<Task<WeightsBlob>>(() => FetchAsync(k.Run, k.Version)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed fetch (weights grain lost with its silo) is retried by the next caller.
            _blobs.TryRemove(new KeyValuePair<(string, long), Lazy<Task<WeightsBlob>>>(key, entry));
            throw;
        }
    }

    private async Task<WeightsBlob> FetchAsync(string runId, long version)
    {
        Interlocked.Increment(ref _fetches);
        var blob = await grains.GetGrain<IWeightsGrain>(runId).GetAsync(version);
        var sha = Checkpoint.Sha256Hex(blob.Weights);
        if (!string.Equals(sha, blob.Sha256, StringComparison.OrdinalIgnoreCase) || blob.Version != version || blob.RunId != runId)
            throw new InvalidDataException($"weights of run {runId} v{version} arrived corrupted (sha256 {sha[..12]}…, published {blob.Sha256[..Math.Min(12, blob.Sha256.Length)]}…, v{blob.Version} of {blob.RunId})");
        var newest = _blobs.Keys.Where(k => k.Run == runId).Select(k => k.Version).DefaultIfEmpty(version).Max();
        foreach (var old in _blobs.Keys.Where(k => k.Run == runId && k.Version <= newest - Keep).ToList())
            _blobs.TryRemove(old, out _);
        Logger.Debug("Fetched weights of {RunId} v{Version} ({Bytes} bytes)", runId, version, blob.Weights.Length);
        return blob;
    }
}
