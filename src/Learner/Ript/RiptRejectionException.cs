namespace RiptOrleans.Learner.Ript;

/// <summary>
/// The bounded context search gave up: success is absent, or certain, or the rollout budget ran out with no mixed group;
/// the all-equal groups split into all-success and all-fail.
/// </summary>
public sealed class RiptRejectionException(string message, int allSuccess, int allFail, bool solved = false) : Exception(message)
{
    public int AllSuccess { get; } = allSuccess;
    public int AllFail { get; } = allFail;

    /// <summary>Every rollout succeeded, past the confidence bound: the policy solves these contexts, so a run ends here rather than fails.</summary>
    public bool Solved { get; } = solved;
}
