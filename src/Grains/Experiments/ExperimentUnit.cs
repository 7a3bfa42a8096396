using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Experiments;

/// <summary>What one cell trains and evaluates on: a transfer pair (pretrain on its source, adapt to its target) or a whole suite (multitask).</summary>
public sealed record ExperimentUnit
{
    private ExperimentUnit(string name, Experiment? pair, string? suite) => (Name, Pair, Suite) = (name, pair, suite);

    /// <summary>The pair's or the suite's registered name.</summary>
    public string Name { get; }

    /// <summary>Source and target tasks of a pair unit; null for a suite.</summary>
    public Experiment? Pair { get; }

    /// <summary>The suite of a suite unit; null for a pair.</summary>
    public string? Suite { get; }

    public bool IsPair => Pair is not null;

    public static ExperimentUnit ForPair(Experiment pair) => new(pair.Name, pair, null);

    public static ExperimentUnit ForSuite(string suite) => new(suite, null, suite);

    /// <summary>The tasks RIPT trains on and evaluation scores: the pair's target, or every task of the suite.</summary>
    public IReadOnlyList<string> TargetTaskIds => Pair is { } p ? [p.Target] : TaskRegistry.Suite(Suite!).Select(t => t.Id).ToList();
}
