using Orleans.Concurrency;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Abstractions;

/// <summary>
/// One context's rollout group (key: the context id suite/task/index, or suite/task/index#r for its r-th replica, so
/// groups of one context run on several cores at once): K environments of its task and a policy replica.
/// </summary>
[Alias("ript.IContextGroupGrain")]
public interface IContextGroupGrain : IGrainWithStringKey
{
    /// <summary>Runs the job's K rollouts at its policy version; failed episodes are reasons in the result, never exceptions.</summary>
    [ResponseTimeout("00:30:00"), Alias("RunGroupAsync")]
    Task<GroupResult> RunGroupAsync(RolloutJob job, CancellationToken ct);

    /// <summary>Counters and the running job; answers while a group runs (the Orleans Dashboard calls it by this name).</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<ContextGroupState> GetState();
}
