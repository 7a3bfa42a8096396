using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One RIPT iteration as the learner saw it: rollout statistics of the collection phase, the update's metrics, timings.</summary>
/// <param name="Reissued">Groups whose call failed (their silo died, their weights were gone) and that were run again under the same JobId.</param>
/// <param name="Duplicates">Results of a JobId already counted, dropped (a reissued group whose first call answered after all).</param>
[GenerateSerializer, Immutable, Alias("ript.IterationReport")]
public sealed record IterationReport(
    [property: Id(0)] int Iteration,
    [property: Id(1)] long PolicyVersion,
    [property: Id(2)] int ContextsTried,
    [property: Id(3)] int Accepted,
    [property: Id(4)] int RejectedAllSuccess,
    [property: Id(5)] int RejectedAllFail,
    [property: Id(6)] int LateResults,
    [property: Id(7)] int Rollouts,
    [property: Id(8)] int RolloutSuccesses,
    [property: Id(9)] long SimSteps,
    [property: Id(10)] double RolloutSeconds,
    [property: Id(11)] double LearnerSeconds,
    [property: Id(12)] RiptMetrics Update,
    [property: Id(13)] double EntropyEstimate,
    [property: Id(14)] int Reissued,
    [property: Id(15)] int Duplicates)
{
    /// <summary>Success rate over every rollout of the collection phase, rejected groups included.</summary>
    public double RolloutSuccessRate => Rollouts == 0 ? 0 : (double)RolloutSuccesses / Rollouts;
}
