namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One finished group as the learner judged it (progress display): outcome, verdict, speed, and which attempt of its job it was.</summary>
/// <param name="Verdict">accepted, rejected (all-success), rejected (all-fail), late, duplicate.</param>
[GenerateSerializer, Immutable, Alias("ript.GroupEvent")]
public sealed record GroupEvent(
    [property: Id(0)] int Iteration,
    [property: Id(1)] string ContextId,
    [property: Id(2)] long PolicyVersion,
    [property: Id(3)] int Successes,
    [property: Id(4)] int K,
    [property: Id(5)] string Verdict,
    [property: Id(6)] double Seconds,
    [property: Id(7)] string WorkerId,
    [property: Id(8)] int Attempt,
    [property: Id(9)] DateTimeOffset At);
