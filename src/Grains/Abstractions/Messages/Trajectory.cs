namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One rollout of a group (DESIGN §3): its decisions, length in control steps and outcome.</summary>
[GenerateSerializer, Immutable, Alias("ript.Trajectory")]
public sealed record Trajectory(
    [property: Id(0)] TrajectoryDecision[] Decisions,
    [property: Id(1)] int Length,
    [property: Id(2)] bool Success,
    [property: Id(3)] string? FailureReason);
