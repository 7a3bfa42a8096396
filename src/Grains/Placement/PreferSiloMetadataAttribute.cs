using Orleans.Placement;

namespace RiptOrleans.Grains.Placement;

/// <summary>
/// Places a grain on silos whose metadata matches the first "key=value" rule that some live silo matches, in the order
/// given; "*" (<see cref="SiloMetadataKeys.AnySilo"/>) matches every silo. When no rule matches, no silo is compatible
/// and the call fails until a matching silo joins. Silos of another message schema than the caller's never match.
/// </summary>
/// <remarks>Orleans' own metadata filters match the calling silo's value ("same zone as me"), not a fixed one.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PreferSiloMetadataAttribute(params string[] rules) : PlacementFilterAttribute(new PreferSiloMetadataFilter(rules));
