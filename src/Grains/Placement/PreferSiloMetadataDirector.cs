using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace RiptOrleans.Grains.Placement;

/// <summary>Keeps the compatible silos of the caller's schema that match the first rule any of them matches; none when no rule matches.</summary>
public sealed class PreferSiloMetadataDirector(ISiloMetadataCache metadata, IOptions<SiloMetadata> local) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var schema = local.Value.Metadata.GetValueOrDefault(SiloMetadataKeys.Schema);
        var candidates = silos.Where(s => SameSchema(metadata.GetSiloMetadata(s).Metadata, schema)).ToList();
        foreach (var rule in ((PreferSiloMetadataFilter)filterStrategy).Rules)
        {
            if (rule == SiloMetadataKeys.AnySilo)
                return candidates;
            var (key, value) = (rule[..rule.IndexOf('=')], rule[(rule.IndexOf('=') + 1)..]);
            var matching = candidates.Where(s => metadata.GetSiloMetadata(s).Metadata.TryGetValue(key, out var v) && v == value).ToList();
            if (matching.Count > 0)
                return matching;
        }
        return [];
    }

    /// <summary>A silo that declares no schema (test silos) is taken as compatible.</summary>
    private static bool SameSchema(IReadOnlyDictionary<string, string> silo, string? schema) =>
        schema is null || !silo.TryGetValue(SiloMetadataKeys.Schema, out var theirs) || theirs == schema;
}
