using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.IreVla;

/// <summary>
/// One rollout as iRe-VLA reads it: its decisions (observations and what was sampled, with the log-probs at sampling),
/// the actions the env executed (Length × ActionDim, every control step), and whether it succeeded.
/// </summary>
public sealed record IreVlaTrajectory(string TaskId, string ContextId, IReadOnlyList<ScoredDecision> Decisions, float[] SampledLogProbs,
    float[] ExecutedActions, int Length, bool Success);
