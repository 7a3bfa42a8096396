using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>Compiled metaworld-mini tasks and their evaluation contexts, built once for the whole test class.</summary>
public sealed class MetaWorldMiniFixture : IDisposable
{
    private readonly Dictionary<string, (TaskModel Model, ContextSet Eval)> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public (TaskModel Model, ContextSet Eval) Get(string name)
    {
        lock (_lock)
        {
            if (!_tasks.TryGetValue(name, out var entry))
            {
                var model = TaskModel.Compile(TaskRegistry.Get($"{MetaWorldMini.Name}/{name}"));
                entry = (model, ContextSet.Create(model, ContextSplit.Eval, ContextSet.EvalCount));
                _tasks[name] = entry;
            }
            return entry;
        }
    }

    public void Dispose()
    {
        foreach (var (model, _) in _tasks.Values)
            model.Dispose();
    }
}
