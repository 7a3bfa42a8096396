namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>A request for K rollouts of one context at one policy version (DESIGN §3). Field order is fixed; new fields go last with a schema bump.</summary>
/// <param name="Seed">Sampling seed, derived from (run seed, iteration, context) so any group can be replayed.</param>
public sealed record RolloutJob(Guid JobId, string RunId, int Iteration, long PolicyVersion, string ContextId, int K, long Seed)
{
    public const byte SchemaVersion = 1;
}
