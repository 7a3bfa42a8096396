namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One decision of a rollout: what the policy saw and what it sampled, with the log-prob at sampling time.</summary>
/// <param name="Images">Camera frames (cameras x H x W x 3) for image policies; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("ript.TrajectoryDecision")]
public sealed record TrajectoryDecision(
    [property: Id(0)] float[] State,
    [property: Id(1)] byte[]? Images,
    [property: Id(2)] long[]? Tokens,
    [property: Id(3)] float[]? Sampled,
    [property: Id(4)] float LogProb)
{
    /// <summary>The actions the env was sent from this decision (ExecuteSteps x ActionDim, clamped; fewer steps ran when the episode ended first): iRe-VLA's online successes are learned from them.</summary>
    [Id(5)] public float[]? Actions { get; init; }
}
