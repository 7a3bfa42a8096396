namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One decision of a rollout: what the policy saw and what it sampled, with the log-prob at sampling time.</summary>
/// <param name="Images">Camera frames (cameras x H x W x 3) for image policies; null otherwise.</param>
public sealed record TrajectoryDecision(float[] State, byte[]? Images, long[]? Tokens, float[]? Sampled, float LogProb);

/// <summary>One rollout of a group (DESIGN §3): its decisions, length in control steps and outcome.</summary>
public sealed record Trajectory(IReadOnlyList<TrajectoryDecision> Decisions, int Length, bool Success, string? FailureReason)
{
    public const byte SchemaVersion = 1;
}
