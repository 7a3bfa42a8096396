namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>What the registry knows of one context: groups and rollouts, successes per policy version, rejections by split, mean episode length, failure reasons.</summary>
/// <param name="MeasuredEpisodes">Episodes whose length is in the mean (those of groups that shipped trajectories).</param>
[GenerateSerializer, Immutable, Alias("ript.ContextStats")]
public sealed record ContextStats(
    [property: Id(0)] string ContextId,
    [property: Id(1)] int Groups,
    [property: Id(2)] int Rollouts,
    [property: Id(3)] int Successes,
    [property: Id(4)] int Accepted,
    [property: Id(5)] int RejectedAllSuccess,
    [property: Id(6)] int RejectedAllFail,
    [property: Id(7)] int Late,
    [property: Id(8)] double MeanEpisodeLength,
    [property: Id(9)] Dictionary<long, VersionStats> ByVersion,
    [property: Id(10)] Dictionary<string, int> FailureReasons,
    [property: Id(11)] int MeasuredEpisodes);
