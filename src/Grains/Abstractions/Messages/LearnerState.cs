namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>What one learner grain is doing (dashboard, inspection): its run, phase, iteration, version and silo.</summary>
[GenerateSerializer, Immutable, Alias("ript.LearnerState")]
public sealed record LearnerState(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunPhase Phase,
    [property: Id(2)] int Iteration,
    [property: Id(3)] int Iterations,
    [property: Id(4)] long PolicyVersion,
    [property: Id(5)] string Silo,
    [property: Id(6)] string? Error)
{
    /// <summary>The run directory on the learner's host (metrics.jsonl, report.html, checkpoint/); null before a run starts.</summary>
    [Id(7)] public string? OutDirectory { get; init; }
}
