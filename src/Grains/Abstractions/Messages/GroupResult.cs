namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>The outcome of one RolloutJob (DESIGN §3): K rewards, the all-equal flag, and trajectories unless all-equal.</summary>
/// <param name="WorkerId">The replica grain and silo that ran the group, key@silo (inspection).</param>
/// <param name="Trajectories">Empty when <paramref name="AllEqual"/> and the job did not ask to ship uniform groups.</param>
/// <param name="FailureReasons">Why failed episodes failed (timeout, diverged: ..., error: ...), one entry per failed episode.</param>
[GenerateSerializer, Immutable, Alias("ript.GroupResult")]
public sealed record GroupResult(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] string ContextId,
    [property: Id(2)] long PolicyVersion,
    [property: Id(3)] string WorkerId,
    [property: Id(4)] double[] Rewards,
    [property: Id(5)] bool AllEqual,
    [property: Id(6)] Trajectory[] Trajectories,
    [property: Id(7)] long SimSteps,
    [property: Id(8)] GroupTimings Timings,
    [property: Id(9)] string[] FailureReasons)
{
    public int Successes => Rewards.Count(r => r > 0);
}
