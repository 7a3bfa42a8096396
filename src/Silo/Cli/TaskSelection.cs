using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Silo.Cli;

/// <summary>Turns --task / --suite options into task specs, with errors that list what exists.</summary>
internal static class TaskSelection
{
    /// <summary>One task by id or unique name, every task of a suite, or an error message.</summary>
    public static (IReadOnlyList<TaskSpec> Tasks, string? Error) Resolve(string? task, string? suite, bool allowAll = false)
    {
        try
        {
            if (!string.IsNullOrEmpty(task) && !string.IsNullOrEmpty(suite))
                return ([], "give --task or --suite, not both");
            if (!string.IsNullOrEmpty(task))
                return ([TaskRegistry.Get(task)], null);
            if (!string.IsNullOrEmpty(suite))
                return (TaskRegistry.Suite(suite), null);
            return allowAll ? (TaskRegistry.All.ToList(), null) : ([], "--task or --suite is required");
        }
        catch (KeyNotFoundException e)
        {
            return ([], e.Message.Trim('"'));
        }
    }

}
