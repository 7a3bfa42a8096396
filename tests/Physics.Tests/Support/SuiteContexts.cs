using System.Collections.Concurrent;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Tests.Support;

/// <summary>Compiled tasks with their 50 evaluation contexts, built once per test run and shared by the suite contract tests.</summary>
internal static class SuiteContexts
{
    private static readonly ConcurrentDictionary<string, Lazy<(TaskModel Model, ContextSet Eval)>> Cache = new(StringComparer.Ordinal);

    public static (TaskModel Model, ContextSet Eval) Get(string taskId) =>
        Cache.GetOrAdd(taskId, id => new Lazy<(TaskModel, ContextSet)>(() =>
        {
            var model = TaskModel.Compile(TaskRegistry.Get(id));
            return (model, ContextSet.Create(model, ContextSplit.Eval, ContextSet.EvalCount));
        })).Value;
}
