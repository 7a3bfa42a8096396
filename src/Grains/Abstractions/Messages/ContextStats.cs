namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>What the registry knows of one context: groups and rollouts, successes per policy version, rejections by split, mean episode length, failure reasons.</summary>
public sealed record ContextStats(string ContextId, int Groups, int Rollouts, int Successes, int Accepted, int RejectedAllSuccess,
    int RejectedAllFail, int Late, double MeanEpisodeLength, IReadOnlyDictionary<long, (int Rollouts, int Successes)> ByVersion,
    IReadOnlyDictionary<string, int> FailureReasons);
