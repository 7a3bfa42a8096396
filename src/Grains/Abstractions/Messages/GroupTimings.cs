namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>Seconds a group spent simulating, in the policy, and in all (weights fetch included).</summary>
[GenerateSerializer, Immutable, Alias("ript.GroupTimings")]
public sealed record GroupTimings(
    [property: Id(0)] double SimSeconds,
    [property: Id(1)] double PolicySeconds,
    [property: Id(2)] double TotalSeconds);
