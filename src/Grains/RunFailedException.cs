using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains;

/// <summary>A run that ended in failure, as its learner reported it: why (the caller's exit code) and the learner's message.</summary>
public sealed class RunFailedException(RunFailure failure, string message) : Exception(message)
{
    public RunFailure Failure { get; } = failure;
}
