namespace RiptOrleans.Learner.Ript;

/// <summary>What one policy update measured; the `loss/` keys of a metrics.jsonl line.</summary>
/// <param name="PolicyLoss">Mean clipped surrogate loss over the update's minibatches.</param>
/// <param name="ApproxKl">Mean of (r − 1) − log r (Schulman's low-variance KL estimate) in the last epoch.</param>
/// <param name="OldApproxKl">Mean of −log r in the last epoch.</param>
/// <param name="ClipFraction">Fraction of ratios outside [1 − ε, 1 + ε] in the last epoch.</param>
/// <param name="RatioMax">Largest ratio seen.</param>
/// <param name="GradNorm">Mean gradient norm before clipping.</param>
/// <param name="OldLogProbGap">Largest |recomputed − sampled| old log-prob: 0 up to float error when sampling and scoring agree.</param>
/// <param name="OptimizerSteps">AdamW steps taken.</param>
public sealed record RiptMetrics(double PolicyLoss, double ApproxKl, double OldApproxKl, double ClipFraction, double RatioMax, double GradNorm,
    double OldLogProbGap, int OptimizerSteps, int Samples, int Decisions);
