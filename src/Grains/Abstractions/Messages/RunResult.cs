using RiptOrleans.Learner.Evaluation;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>
/// How a run ended: success rates per task before and after, the seconds spent in rollouts and updates, and why it ended
/// before its last iteration when it did (the policy solved every context: nothing left to learn from).
/// </summary>
[GenerateSerializer, Immutable, Alias("ript.RunResult")]
public sealed record RunResult(
    [property: Id(0)] TaskScore[] Before,
    [property: Id(1)] TaskScore[] After,
    [property: Id(2)] int StartIteration,
    [property: Id(3)] double RolloutSeconds,
    [property: Id(4)] double LearnerSeconds)
{
    [Id(5)] public string? EndedEarly { get; init; }
}
