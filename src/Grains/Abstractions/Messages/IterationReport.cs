using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One RIPT iteration as the learner saw it: rollout statistics of the collection phase, the update's metrics, timings.</summary>
public sealed record IterationReport(int Iteration, long PolicyVersion, int ContextsTried, int Accepted, int RejectedAllSuccess,
    int RejectedAllFail, int LateResults, int Rollouts, int RolloutSuccesses, long SimSteps, double RolloutSeconds, double LearnerSeconds,
    RiptMetrics Update, double EntropyEstimate)
{
    /// <summary>Success rate over every rollout of the collection phase, rejected groups included.</summary>
    public double RolloutSuccessRate => Rollouts == 0 ? 0 : (double)RolloutSuccesses / Rollouts;
}
