using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;

namespace RiptOrleans.Grains;

/// <summary>The run's per-context statistics (one instance per run id), fed by the learner's scheduler and read by inspection.</summary>
[KeepAlive]
// With its learner (which feeds it and whose silo serves the inspection pages): on a worker it would die with that worker,
// failing the run's next record. Orleans' default placement put it on any silo.
[PreferSiloMetadata($"{SiloMetadataKeys.Gpu}=true", $"{SiloMetadataKeys.Role}={SiloMetadataKeys.Learner}", $"{SiloMetadataKeys.Role}={SiloMetadataKeys.All}")]
public sealed class GrainRegistry : Grain, IGrainRegistry
{
    private sealed class Entry
    {
        public int Groups, Rollouts, Successes, Accepted, RejectedAllSuccess, RejectedAllFail, Late;
        public double LengthSum;
        public int LengthCount;
        public readonly Dictionary<long, VersionStats> ByVersion = [];
        public readonly Dictionary<string, int> Failures = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Entry> _contexts = new(StringComparer.Ordinal);

    public Task RecordAsync(GroupResult result, bool accepted, bool late)
    {
        if (!_contexts.TryGetValue(result.ContextId, out var e))
            _contexts[result.ContextId] = e = new Entry();
        e.Groups++;
        e.Rollouts += result.Rewards.Length;
        e.Successes += result.Successes;
        if (late) e.Late++;
        else if (accepted) e.Accepted++;
        else if (result.Successes > 0) e.RejectedAllSuccess++;
        else e.RejectedAllFail++;
        var v = e.ByVersion.GetValueOrDefault(result.PolicyVersion) ?? new VersionStats(0, 0);
        e.ByVersion[result.PolicyVersion] = new VersionStats(v.Rollouts + result.Rewards.Length, v.Successes + result.Successes);
        foreach (var t in result.Trajectories)
        {
            e.LengthSum += t.Length;
            e.LengthCount++;
        }
        foreach (var reason in result.FailureReasons)
            e.Failures[reason] = e.Failures.GetValueOrDefault(reason) + 1;
        return Task.CompletedTask;
    }

    /// <param name="taskId">suite/task: only contexts whose id starts with it (context ids are suite/task/index).</param>
    public Task<ContextStats[]> GetContextsAsync(string? taskId) => Task.FromResult(_contexts
        .Where(kv => taskId is null || kv.Key.StartsWith(taskId + "/", StringComparison.Ordinal))
        .OrderBy(kv => kv.Key, StringComparer.Ordinal)
        .Select(kv => new ContextStats(kv.Key, kv.Value.Groups, kv.Value.Rollouts, kv.Value.Successes, kv.Value.Accepted,
            kv.Value.RejectedAllSuccess, kv.Value.RejectedAllFail, kv.Value.Late,
            kv.Value.LengthCount == 0 ? 0 : (double)kv.Value.LengthSum / kv.Value.LengthCount,
            new Dictionary<long, VersionStats>(kv.Value.ByVersion), new Dictionary<string, int>(kv.Value.Failures), kv.Value.LengthCount))
        .ToArray());

    public Task RestoreAsync(ContextStats[] contexts)
    {
        _contexts.Clear();
        foreach (var c in contexts)
        {
            var e = new Entry
            {
                Groups = c.Groups, Rollouts = c.Rollouts, Successes = c.Successes, Accepted = c.Accepted, RejectedAllSuccess = c.RejectedAllSuccess,
                RejectedAllFail = c.RejectedAllFail, Late = c.Late, LengthSum = c.MeanEpisodeLength * c.MeasuredEpisodes, LengthCount = c.MeasuredEpisodes,
            };
            foreach (var (v, s) in c.ByVersion) e.ByVersion[v] = s;
            foreach (var (r, n) in c.FailureReasons) e.Failures[r] = n;
            _contexts[c.ContextId] = e;
        }
        return Task.CompletedTask;
    }
}
