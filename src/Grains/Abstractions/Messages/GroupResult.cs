namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>Seconds a group spent simulating and in the policy.</summary>
public sealed record GroupTimings(double SimSeconds, double PolicySeconds, double TotalSeconds);

/// <summary>The outcome of one RolloutJob (DESIGN §3): K rewards, the all-equal flag, and trajectories unless all-equal.</summary>
/// <param name="Trajectories">Empty when <paramref name="AllEqual"/>: rejected groups ship no trajectories.</param>
/// <param name="FailureReasons">Why failed episodes failed (timeout, diverged: ...), one entry per failed episode.</param>
public sealed record GroupResult(Guid JobId, string ContextId, long PolicyVersion, string WorkerId, double[] Rewards, bool AllEqual,
    IReadOnlyList<Trajectory> Trajectories, long SimSteps, GroupTimings Timings, IReadOnlyList<string> FailureReasons)
{
    public const byte SchemaVersion = 1;

    public int Successes => Rewards.Count(r => r > 0);
}
