using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains.Experiments;

/// <summary>Which units an experiment's grid ranges over.</summary>
public enum UnitKind
{
    /// <summary>Transfer pairs of one kind (cross-scenario or cross-goal).</summary>
    Pairs,

    /// <summary>Whole suites (multitask SFT, then RIPT over every task).</summary>
    Suites,

    /// <summary>Either: an ablation run on a pair or on a suite.</summary>
    PairsOrSuites,
}

/// <summary>
/// One paper figure or table as a grid: units (pairs or suites) x demo counts x seeds x policy families x variants,
/// with the defaults that reproduce it and the paper's numbers to put beside ours.
/// </summary>
/// <param name="PairKind">For pair experiments, the pair kind accepted (Experiment.Kind: "cross-scenario", "cross-goal").</param>
/// <param name="Paper">The paper's figure or table and its numbers, printed above the results table.</param>
public sealed record ExperimentDefinition(string Name, string Title, string Paper, UnitKind Units, string? PairKind,
    IReadOnlyList<string> DefaultUnits, IReadOnlyList<int> DefaultDemos, IReadOnlyList<int> DefaultSeeds, IReadOnlyList<ExperimentVariant> Variants)
{
    public IReadOnlyList<PolicyKind> DefaultFamilies { get; init; } = [PolicyKind.Tokenized, PolicyKind.Regression];
}
