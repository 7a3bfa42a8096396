namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>What a run did since the caller's last look: new iteration reports and group events, the phase, and the end.</summary>
/// <param name="IterationsSeen">Iteration reports so far (this activation); pass it back to get only newer ones.</param>
/// <param name="GroupsSeen">Group events so far (this activation); pass it back likewise.</param>
/// <param name="Result">Set once the run finished.</param>
/// <param name="Error">Why the run failed, once it did.</param>
/// <param name="Session">Names the learner activation's run: counts restart from 0 when it changes (the learner was restarted).</param>
[GenerateSerializer, Immutable, Alias("ript.RunProgress")]
public sealed record RunProgress(
    [property: Id(0)] RunPhase Phase,
    [property: Id(1)] IterationReport[] Iterations,
    [property: Id(2)] GroupEvent[] Groups,
    [property: Id(3)] int IterationsSeen,
    [property: Id(4)] int GroupsSeen,
    [property: Id(5)] RunResult? Result,
    [property: Id(6)] RunFailure Failure,
    [property: Id(7)] string? Error,
    [property: Id(8)] int StartIteration,
    [property: Id(9)] Guid Session);
