using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace RiptOrleans.Grains.Placement;

/// <summary>Keeps the compatible silos that match the first rule any of them matches; all of them when none does.</summary>
public sealed class PreferSiloMetadataDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos.ToList();
        foreach (var rule in ((PreferSiloMetadataFilter)filterStrategy).Rules)
        {
            var (key, value) = (rule[..rule.IndexOf('=')], rule[(rule.IndexOf('=') + 1)..]);
            var matching = candidates.Where(s => metadata.GetSiloMetadata(s).Metadata.TryGetValue(key, out var v) && v == value).ToList();
            if (matching.Count > 0)
                return matching;
        }
        return candidates;
    }
}
