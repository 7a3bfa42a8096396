using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tasks;

/// <summary>Every registered task by id, and suites as ordered lists of ids.</summary>
public static class TaskRegistry
{
    private static readonly Lazy<(Dictionary<string, TaskSpec> Tasks, Dictionary<string, IReadOnlyList<TaskSpec>> Suites)> Registry = new(Load);

    public static IReadOnlyCollection<string> SuiteNames => Registry.Value.Suites.Keys;

    public static IEnumerable<TaskSpec> All => Registry.Value.Tasks.Values;

    /// <summary>
    /// The tasks of a suite in canonical order, or of a named split of it written <c>suite:split</c>
    /// (<c>metaworld:ml45-train</c>); an unknown name lists the known suites, an unknown split the suite's splits.
    /// </summary>
    public static IReadOnlyList<TaskSpec> Suite(string name)
    {
        var colon = name.IndexOf(':');
        if (colon >= 0)
            return Split(name[..colon], name[(colon + 1)..]);
        return Registry.Value.Suites.TryGetValue(name, out var tasks)
            ? tasks
            : throw new KeyNotFoundException($"unknown suite '{name}'; known suites: {string.Join(", ", Registry.Value.Suites.Keys)}");
    }

    /// <summary>A suite's named subsets (task names, in the suite's order); empty where it has none.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Splits(string suite) =>
        SplitRegistry.TryGetValue(suite, out var splits) ? splits : new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The tasks of one named split of a suite, in the suite's order.</summary>
    public static IReadOnlyList<TaskSpec> Split(string suite, string split)
    {
        var tasks = Suite(suite);
        var splits = Splits(suite);
        if (!splits.TryGetValue(split, out var names))
            throw new KeyNotFoundException(splits.Count == 0
                ? $"suite '{suite}' has no splits"
                : $"unknown split '{split}' of {suite}; known splits: {string.Join(", ", splits.Keys)}");
        var chosen = names.ToHashSet(StringComparer.Ordinal);
        return tasks.Where(t => chosen.Contains(t.Name)).ToList();
    }

    /// <summary>
    /// Tasks a suite, or a split written <c>suite:split</c>, names that are not registered yet (MetaWorld's MT50 tasks, LIBERO-90's,
    /// whose expert does not pass yet), in its order; empty where all are.
    /// </summary>
    public static IReadOnlyList<string> Unregistered(string name)
    {
        var colon = name.IndexOf(':');
        var suite = colon >= 0 ? name[..colon] : name;
        var registered = Suite(name).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> named = colon >= 0 ? Splits(suite)[name[(colon + 1)..]]
            : Catalogues.TryGetValue(suite, out var all) ? all : [];
        return named.Where(t => !registered.Contains(t)).ToList();
    }

    /// <summary>The full task lists of suites that register only part of theirs so far.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Catalogues = new(StringComparer.Ordinal)
    {
        [MetaWorld.Name] = MetaWorld.Order,
        [LiberoNinety.Name] = LiberoNinety.Order,
    };

    private static readonly Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> SplitRegistry = new(StringComparer.Ordinal)
    {
        [MetaWorld.Name] = MetaWorld.Splits,
        [LiberoNinety.Name] = LiberoNinety.Splits,
    };

    /// <summary>A task by id ("suite/name") or by a name unique across suites; an unknown one lists the known tasks.</summary>
    public static TaskSpec Get(string idOrName)
    {
        var tasks = Registry.Value.Tasks;
        if (tasks.TryGetValue(idOrName, out var spec))
            return spec;
        var byName = tasks.Values.Where(t => t.Name == idOrName).ToList();
        if (byName.Count == 1)
            return byName[0];
        var hint = byName.Count > 1 ? $"'{idOrName}' is ambiguous, give the suite: {string.Join(", ", byName.Select(t => t.Id))}" : $"unknown task '{idOrName}'";
        throw new KeyNotFoundException($"{hint}; known tasks: {string.Join(", ", tasks.Keys)}");
    }

    private static (Dictionary<string, TaskSpec>, Dictionary<string, IReadOnlyList<TaskSpec>>) Load()
    {
        var suites = new Dictionary<string, IReadOnlyList<TaskSpec>>(StringComparer.Ordinal)
        {
            [LiberoMini.Name] = LiberoMini.Tasks(),
            [LiberoGoal.Name] = LiberoGoal.Tasks(),
            [MetaWorldMini.Name] = MetaWorldMini.Tasks(),
            [LiberoSpatial.Name] = LiberoSpatial.Tasks(),
            [LiberoObject.Name] = LiberoObject.Tasks(),
            [LiberoTen.Name] = LiberoTen.Tasks(),
            [MetaWorld.Name] = MetaWorld.Tasks(),
            [LiberoNinety.Name] = LiberoNinety.Tasks(),
        };
        var tasks = new Dictionary<string, TaskSpec>(StringComparer.Ordinal);
        foreach (var spec in suites.Values.SelectMany(s => s))
            if (!tasks.TryAdd(spec.Id, spec))
                throw new InvalidOperationException($"task id {spec.Id} is registered twice");
        return (tasks, suites);
    }
}
