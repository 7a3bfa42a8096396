namespace RiptOrleans.Learner.Ript;

/// <summary>The bounded context search gave up: too many all-equal groups in a row, split into all-success and all-fail.</summary>
public sealed class RiptRejectionException(string message, int allSuccess, int allFail) : Exception(message)
{
    public int AllSuccess { get; } = allSuccess;
    public int AllFail { get; } = allFail;
}
