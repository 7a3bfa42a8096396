using Orleans.Metadata;
using Orleans.Placement;
using Orleans.Runtime;

namespace RiptOrleans.Grains.Placement;

/// <summary>The placement filter of <see cref="PreferSiloMetadataAttribute"/>: ordered "key=value" rules, carried in the grain type's properties.</summary>
public sealed class PreferSiloMetadataFilter : PlacementFilterStrategy
{
    private const string RulesProperty = "rules";

    /// <summary>Used by the runtime, which then reads the rules from the grain type's properties.</summary>
    public PreferSiloMetadataFilter() : base(0)
    {
    }

    public PreferSiloMetadataFilter(string[] rules) : base(0)
    {
        foreach (var rule in rules)
            if (rule != SiloMetadataKeys.AnySilo && rule.Split('=') is not [{ Length: > 0 }, { Length: > 0 }])
                throw new ArgumentException($"placement rule '{rule}' is not key=value or *", nameof(rules));
        Rules = rules;
    }

    /// <summary>key=value rules (or *), most preferred first.</summary>
    public IReadOnlyList<string> Rules { get; private set; } = [];

    public override void AdditionalInitialize(GrainProperties properties) =>
        Rules = (GetPlacementFilterGrainProperty(RulesProperty, properties) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(IServiceProvider services, Type grainClass,
        GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new(RulesProperty, string.Join(';', Rules));
    }
}
