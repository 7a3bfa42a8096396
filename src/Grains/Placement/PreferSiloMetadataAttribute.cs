using Orleans.Placement;

namespace RiptOrleans.Grains.Placement;

/// <summary>
/// Places a grain on silos whose metadata matches the first "key=value" rule that some live silo matches, in the order
/// given; on any silo when none matches (e.g. the embedded silo, or a cluster that lost every GPU silo).
/// </summary>
/// <remarks>Orleans' own metadata filters match the calling silo's value ("same zone as me"), not a fixed one.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PreferSiloMetadataAttribute(params string[] rules) : PlacementFilterAttribute(new PreferSiloMetadataFilter(rules));
