using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Episodes;

/// <summary>How one episode ended: success, control steps, why it failed, and (when recorded) every decision it took.</summary>
/// <param name="FailureReason">timeout, diverged: ..., or error: ... when the env threw; null on success.</param>
/// <param name="Decisions">What the policy saw and chose at each decision point; empty unless the run recorded them.</param>
public sealed record EpisodeOutcome(bool Success, int Steps, string? FailureReason, IReadOnlyList<RecordedDecision> Decisions);

/// <summary>One decision of an episode: the observation it was taken at and the policy's decision (actions, sample, log-prob).</summary>
public sealed record RecordedDecision(PolicyObservation Observation, PolicyDecision Decision);
