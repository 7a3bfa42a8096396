using Orleans.Concurrency;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Abstractions;

/// <summary>Per-context statistics of one run (key: run id), for inspection: groups, rollouts, successes per version, rejections, lengths, failures.</summary>
[Alias("ript.IGrainRegistry")]
public interface IGrainRegistry : IGrainWithStringKey
{
    /// <summary>Counts one finished group and whether it was accepted into D.</summary>
    [Alias("RecordAsync")]
    Task RecordAsync(GroupResult result, bool accepted, bool late);

    /// <summary>Statistics of every context seen, optionally only those of one task (suite/task).</summary>
    [AlwaysInterleave, Alias("GetContextsAsync")]
    Task<ContextStats[]> GetContextsAsync(string? taskId);

    /// <summary>Restores the counters of a checkpoint's registry snapshot (a resumed run).</summary>
    [Alias("RestoreAsync")]
    Task RestoreAsync(ContextStats[] contexts);
}
