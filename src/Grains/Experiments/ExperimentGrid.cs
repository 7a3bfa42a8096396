namespace RiptOrleans.Grains.Experiments;

/// <summary>An experiment's cells for a selection, in run order (seeds outermost, so a first pass over every condition finishes first), and notes on what was left out.</summary>
public sealed record ExperimentGrid(ExperimentDefinition Definition, IReadOnlyList<ExperimentCell> Cells, IReadOnlyList<string> Notes)
{
    /// <summary>Demonstrations per task a cell may ask for (the expert demo files of the paper hold 50).</summary>
    public const int MaxDemos = 50;

    /// <summary>Expands <paramref name="definition"/> over <paramref name="selection"/>; a bad selection throws an ArgumentException naming the flag and what is known.</summary>
    public static ExperimentGrid Expand(ExperimentDefinition definition, GridSelection selection)
    {
        var notes = new List<string>();
        var units = Units(definition, selection, notes);
        var demos = selection.Demos ?? definition.DefaultDemos;
        if (demos.Count == 0 || demos.Any(d => d is < 1 or > MaxDemos))
            throw new ArgumentException($"--demos must list counts in [1, {MaxDemos}], got [{string.Join(", ", demos)}]");
        var seeds = selection.Seeds ?? definition.DefaultSeeds;
        if (seeds.Count == 0 || seeds.Any(s => s < 1))
            throw new ArgumentException($"--seeds must list seeds ≥ 1, got [{string.Join(", ", seeds)}]");
        var families = selection.Families ?? definition.DefaultFamilies;
        if (families.Count == 0) throw new ArgumentException("--families must name at least one family (tokenized, regression)");
        var variants = definition.Variants;
        if (selection.Variants is { } names)
        {
            var unknown = names.Where(n => variants.All(v => v.Name != n)).ToList();
            if (unknown.Count > 0 || names.Count == 0)
                throw new ArgumentException($"--variants: {definition.Name} has no variant [{string.Join(", ", unknown)}]; its variants are [{string.Join(", ", variants.Select(v => v.Name))}]");
            variants = variants.Where(v => names.Contains(v.Name)).ToList();
        }
        var cells = (
            from seed in seeds.Distinct()
            from unit in units
            from n in demos.Distinct()
            from family in families.Distinct()
            from variant in variants
            select new ExperimentCell(definition.Name, unit, family, n, seed, variant)).ToList();
        return new ExperimentGrid(definition, cells, notes);
    }

    private static List<ExperimentUnit> Units(ExperimentDefinition d, GridSelection s, List<string> notes)
    {
        if (s.Pairs is not null && d.Units == UnitKind.Suites)
            throw new ArgumentException($"--pairs: {d.Name} runs over suites; choose them with --suites");
        if (s.Suites is not null && d.Units == UnitKind.Pairs)
            throw new ArgumentException($"--suites: {d.Name} runs over task pairs; choose them with --pairs");
        var units = new List<ExperimentUnit>();
        if (s.Pairs is null && s.Suites is null)
        {
            foreach (var name in d.DefaultUnits)
            {
                if (ExperimentRegistry.FindPair(name) is { } pair)
                    units.Add(ExperimentUnit.ForPair(pair));
                else if (ExperimentRegistry.IsBuilt(name))
                    units.Add(ExperimentUnit.ForSuite(name));
                else
                    notes.Add($"suite {name} is not built: left out of {d.Name}");
            }
            if (units.Count == 0)
                throw new ArgumentException($"{d.Name}: none of its suites [{string.Join(", ", d.DefaultUnits)}] is built yet; run it on a built suite with --suites " +
                    $"({string.Join(", ", BuiltSuites())})");
            return units;
        }
        foreach (var name in s.Pairs ?? [])
        {
            var pair = ExperimentRegistry.FindPair(name);
            var allowed = ExperimentRegistry.Pairs.Where(p => d.PairKind is null || p.Kind == d.PairKind).Select(p => p.Name).ToList();
            if (pair is null || !allowed.Contains(name))
                throw new ArgumentException($"--pairs: '{name}' is not a {d.PairKind ?? "registered"} pair; known: {string.Join(", ", allowed)}");
            units.Add(ExperimentUnit.ForPair(pair));
        }
        foreach (var name in s.Suites ?? [])
        {
            if (!ExperimentRegistry.IsBuilt(name))
                throw new ArgumentException($"--suites: unknown suite '{name}'; built suites: {string.Join(", ", BuiltSuites())} (a named split as suite:split, e.g. {ExperimentRegistry.Ml45})");
            units.Add(ExperimentUnit.ForSuite(name));
        }
        if (units.Count == 0) throw new ArgumentException("--pairs/--suites: name at least one");
        return units.DistinctBy(u => u.Name).ToList();
    }

    private static IEnumerable<string> BuiltSuites() => Physics.Tasks.TaskRegistry.SuiteNames.OrderBy(n => n, StringComparer.Ordinal);
}
