namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>A request for K rollouts of one context at one policy version (DESIGN §3).</summary>
/// <param name="JobId">Names the job across reissues: the learner counts one result per JobId.</param>
/// <param name="TaskId">suite/task of the context, so no grain parses context ids.</param>
/// <param name="Instruction">The task's language instruction, as the policy reads it.</param>
/// <param name="InitState">The context's initial MuJoCo state (MjData.GetState layout).</param>
/// <param name="Seed">Sampling seed, derived from (run seed, iteration, job number, context) so any group can be replayed.</param>
/// <param name="ShipUniform">Ship trajectories of all-equal groups too (dynamic rejection off: they count in D).</param>
[GenerateSerializer, Immutable, Alias("ript.RolloutJob")]
public sealed record RolloutJob(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] string RunId,
    [property: Id(2)] int Iteration,
    [property: Id(3)] long PolicyVersion,
    [property: Id(4)] string ContextId,
    [property: Id(5)] string TaskId,
    [property: Id(6)] string Instruction,
    [property: Id(7)] double[] InitState,
    [property: Id(8)] int K,
    [property: Id(9)] long Seed,
    [property: Id(10)] bool ShipUniform);
