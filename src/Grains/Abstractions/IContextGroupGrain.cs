using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Abstractions;

/// <summary>One context (suite/task/index): owns K environments of its task and a policy replica, and runs K rollouts per job.</summary>
public interface IContextGroupGrain : IGrainWithStringKey
{
    /// <summary>Runs the job's K rollouts at its policy version; failed episodes are reasons in the result, never exceptions.</summary>
    Task<GroupResult> RunGroupAsync(RolloutJob job, CancellationToken ct);
}
