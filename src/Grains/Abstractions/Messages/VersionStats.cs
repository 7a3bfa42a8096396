namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>Rollouts and successes of one context at one policy version.</summary>
[GenerateSerializer, Immutable, Alias("ript.VersionStats")]
public sealed record VersionStats([property: Id(0)] int Rollouts, [property: Id(1)] int Successes);
