using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Abstractions;

/// <summary>Per-context statistics of a run, for inspection: groups, rollouts, successes per version, rejections, lengths, failures.</summary>
public interface IGrainRegistry : IGrainWithStringKey
{
    /// <summary>Counts one finished group and whether it was accepted into D.</summary>
    Task RecordAsync(GroupResult result, bool accepted, bool late, CancellationToken ct);

    /// <summary>Statistics of every context seen, optionally only those of one task.</summary>
    Task<IReadOnlyList<ContextStats>> GetContextsAsync(string? taskId, CancellationToken ct);
}
