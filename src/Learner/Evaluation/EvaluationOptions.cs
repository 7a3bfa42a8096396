using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Evaluation;

/// <summary>How to evaluate a policy.</summary>
/// <param name="Inits">Evaluation contexts per task (the first N of ContextSet's Eval split; 50 is the protocol).</param>
/// <param name="Threads">Worker threads; each steps its share of episodes in lock-step with one batched policy forward per decision.</param>
/// <param name="VideoDirectory">When set, PNG strips of the first <paramref name="VideoEpisodes"/> episodes of each task go here.</param>
/// <param name="Mode">Greedy (argmax tokens / mean actions) for evaluation; Sample to measure the rollout policy.</param>
/// <param name="DemoDirectory">
/// When set, episodes start from the initial states of each task's demo file in this directory (RIPT's training
/// contexts), cycled through for <paramref name="Inits"/> episodes, instead of the held-out Eval split: with one demo,
/// Inits sampled episodes estimate the success rate of the rollouts RIPT learns from.
/// </param>
public sealed record EvaluationOptions(int Inits = 50, int Threads = 1, string? VideoDirectory = null, int VideoEpisodes = 2,
    ActMode Mode = ActMode.Greedy, ulong Seed = 0, int VideoFrames = 10, int VideoSize = 96, string? DemoDirectory = null);
