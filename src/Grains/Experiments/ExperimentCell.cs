using System.Globalization;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains.Experiments;

/// <summary>One run of an experiment's pipeline (demos → pretrain SFT → SFT → RIPT → eval): a point of its grid, deterministic given its seed.</summary>
public sealed record ExperimentCell(string Experiment, ExperimentUnit Unit, PolicyKind Family, int Demos, int Seed, ExperimentVariant Variant)
{
    /// <summary>Stable id, also the key of its line in results.jsonl: unit/family/demos/seed/variant.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Unit.Name}/{FamilyName(Family)}/{Demos}-demos/seed-{Seed}/{Variant.Name}");

    /// <summary>The cell's directory name under cells/.</summary>
    public string DirectoryName => Id.Replace('/', '_');

    /// <summary>The family as written in flags and results ("tokenized", "regression").</summary>
    public static string FamilyName(PolicyKind family) => family.ToString().ToLowerInvariant();

    /// <summary>Demos of a seed start at training context 1000 x (seed − 1): seed 1 uses the first ones (as the quickstart), other seeds other demos.</summary>
    public int FirstDemoContext => 1000 * (Seed - 1);
}
