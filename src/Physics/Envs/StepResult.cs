namespace RiptOrleans.Physics.Envs;

/// <summary>What one control step produced: whether the episode ended, succeeded, and why it failed if it did.</summary>
public readonly record struct StepResult(bool Done, bool Success, string? FailureReason)
{
    public static readonly StepResult Running = new(false, false, null);
}

/// <summary>The reasons an episode fails, as reported in GroupResult.FailureReasons.</summary>
public static class FailureReasons
{
    public const string Timeout = "timeout";
    public const string DivergedPrefix = "diverged";
}
