namespace RiptOrleans.Learner.Policies;

/// <summary>One decision of one env: the actions to execute until the next decision and what was sampled, with its log-prob.</summary>
/// <param name="Actions">The next <c>ExecuteSteps</c> actions, ExecuteSteps x ActionDim, in [-1, 1].</param>
/// <param name="Tokens">Tokenized heads: the sampled token sequence (what log-probs score); null otherwise.</param>
/// <param name="Sampled">Regression heads: the sampled continuous chunk (what log-probs score); null otherwise.</param>
/// <param name="LogProb">log π(decision | observation): the sum over tokens or over the chunk's action entries.</param>
public sealed record PolicyDecision(float[] Actions, long[]? Tokens, float[]? Sampled, float LogProb);

/// <summary>A past decision to re-score: the observation it was taken at and what was taken (RIPT's old/new log-probs).</summary>
public sealed record ScoredDecision(PolicyObservation Observation, long[]? Tokens, float[]? Sampled);
