namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>What one context-group grain is doing (the Orleans Dashboard shows it per grain): its context, silo, counters, the job it runs.</summary>
/// <param name="EpisodesDone">Episodes of the running job that have ended (0 when idle).</param>
[GenerateSerializer, Immutable, Alias("ript.ContextGroupState")]
public sealed record ContextGroupState(
    [property: Id(0)] string ContextId,
    [property: Id(1)] int Replica,
    [property: Id(2)] string Silo,
    [property: Id(3)] int Groups,
    [property: Id(4)] int Rollouts,
    [property: Id(5)] int Successes,
    [property: Id(6)] long PolicyVersion,
    [property: Id(7)] Guid? RunningJob,
    [property: Id(8)] int EpisodesDone,
    [property: Id(9)] int Envs);
