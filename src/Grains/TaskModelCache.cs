using System.Collections.Concurrent;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains;

/// <summary>One compiled TaskModel per task per process: every env of a task shares its read-only MjModel.</summary>
/// <param name="specs">Resolves a task id to its spec; the registry by default (tests bring their own tasks).</param>
public sealed class TaskModelCache(Func<string, TaskSpec>? specs = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TaskModel>> _models = new(StringComparer.Ordinal);
    private readonly Func<string, TaskSpec> _specs = specs ?? TaskRegistry.Get;

    /// <summary>The spec of a task id; an unknown id is named in the error.</summary>
    public TaskSpec Spec(string taskId) => _specs(taskId);

    public TaskModel Get(string taskId) =>
        _models.GetOrAdd(taskId, id => new Lazy<TaskModel>(() => TaskModel.Compile(_specs(id)))).Value;

    public void Dispose()
    {
        foreach (var m in _models.Values.Where(m => m.IsValueCreated))
            m.Value.Dispose();
    }
}
