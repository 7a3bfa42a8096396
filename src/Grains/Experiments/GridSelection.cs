using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains.Experiments;

/// <summary>The part of an experiment's grid a user keeps (`--pairs`, `--suites`, `--demos`, `--seeds`, `--families`, `--variants`); null keeps the default.</summary>
public sealed record GridSelection
{
    public IReadOnlyList<string>? Pairs { get; init; }
    public IReadOnlyList<string>? Suites { get; init; }
    public IReadOnlyList<int>? Demos { get; init; }
    public IReadOnlyList<int>? Seeds { get; init; }
    public IReadOnlyList<PolicyKind>? Families { get; init; }
    public IReadOnlyList<string>? Variants { get; init; }
}
