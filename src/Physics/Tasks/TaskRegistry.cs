using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tasks;

/// <summary>Every registered task by id, and suites as ordered lists of ids.</summary>
public static class TaskRegistry
{
    private static readonly Lazy<(Dictionary<string, TaskSpec> Tasks, Dictionary<string, IReadOnlyList<TaskSpec>> Suites)> Registry = new(Load);

    public static IReadOnlyCollection<string> SuiteNames => Registry.Value.Suites.Keys;

    public static IEnumerable<TaskSpec> All => Registry.Value.Tasks.Values;

    /// <summary>The tasks of a suite in canonical order; an unknown name lists the known suites.</summary>
    public static IReadOnlyList<TaskSpec> Suite(string name) =>
        Registry.Value.Suites.TryGetValue(name, out var tasks)
            ? tasks
            : throw new KeyNotFoundException($"unknown suite '{name}'; known suites: {string.Join(", ", Registry.Value.Suites.Keys)}");

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
        };
        var tasks = new Dictionary<string, TaskSpec>(StringComparer.Ordinal);
        foreach (var spec in suites.Values.SelectMany(s => s))
            if (!tasks.TryAdd(spec.Id, spec))
                throw new InvalidOperationException($"task id {spec.Id} is registered twice");
        return (tasks, suites);
    }
}
