using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Ript;

/// <summary>One accepted rollout in the batch D: its decisions, the log-probs recorded when they were sampled, and its RLOO advantage.</summary>
public sealed record RiptSample(string ContextId, IReadOnlyList<ScoredDecision> Decisions, float[] SampledLogProbs, double Advantage, bool Success);
