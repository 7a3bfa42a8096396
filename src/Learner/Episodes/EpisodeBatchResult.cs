namespace RiptOrleans.Learner.Episodes;

/// <summary>What one lock-step batch produced: an outcome per episode (input order), physics substeps, and where the time went.</summary>
public sealed record EpisodeBatchResult(IReadOnlyList<EpisodeOutcome> Episodes, long SimSteps, TimeSpan SimTime, TimeSpan PolicyTime);
