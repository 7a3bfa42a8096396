using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains;

/// <summary>The run's per-context statistics (one instance per run id), fed by the scheduler and read by inspection.</summary>
public sealed class GrainRegistry : IGrainRegistry
{
    private sealed class Entry
    {
        public int Groups, Rollouts, Successes, Accepted, RejectedAllSuccess, RejectedAllFail, Late;
        public long LengthSum, LengthCount;
        public readonly Dictionary<long, (int Rollouts, int Successes)> ByVersion = [];
        public readonly Dictionary<string, int> Failures = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Entry> _contexts = new(StringComparer.Ordinal);

    public Task RecordAsync(GroupResult result, bool accepted, bool late, CancellationToken ct)
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
        var (r, s) = e.ByVersion.GetValueOrDefault(result.PolicyVersion);
        e.ByVersion[result.PolicyVersion] = (r + result.Rewards.Length, s + result.Successes);
        foreach (var t in result.Trajectories)
        {
            e.LengthSum += t.Length;
            e.LengthCount++;
        }
        foreach (var reason in result.FailureReasons)
            e.Failures[reason] = e.Failures.GetValueOrDefault(reason) + 1;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ContextStats>> GetContextsAsync(string? taskId, CancellationToken ct)
    {
        IReadOnlyList<ContextStats> stats = _contexts
            .Where(kv => taskId is null || ContextCatalog.TaskIdOf(kv.Key) == taskId)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ContextStats(kv.Key, kv.Value.Groups, kv.Value.Rollouts, kv.Value.Successes, kv.Value.Accepted,
                kv.Value.RejectedAllSuccess, kv.Value.RejectedAllFail, kv.Value.Late,
                kv.Value.LengthCount == 0 ? 0 : (double)kv.Value.LengthSum / kv.Value.LengthCount,
                new Dictionary<long, (int, int)>(kv.Value.ByVersion), new Dictionary<string, int>(kv.Value.Failures)))
            .ToList();
        return Task.FromResult(stats);
    }
}
