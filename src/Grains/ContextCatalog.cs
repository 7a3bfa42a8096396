using System.Collections.Concurrent;
using RiptOrleans.Physics.Randomness;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Grains;

/// <summary>The RL context set D_context: ContextId (suite/task/index) → initial state, from demo init states or a task's training pool.</summary>
/// <remarks>Every process that builds it from the same inputs gets the same states, so jobs carry only the id.</remarks>
public sealed class ContextCatalog
{
    private readonly ConcurrentDictionary<string, (TaskContext Context, string Instruction)> _contexts = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Adds a task's contexts (demo init states or sampled training contexts) under suite/task/index ids.</summary>
    public void Add(TaskSpec spec, IEnumerable<double[]> initStates)
    {
        var i = 0;
        foreach (var state in initStates)
        {
            var context = new TaskContext(spec.Id, ContextSplit.Train, i, 0, state);
            if (_contexts.TryAdd(context.Id, (context, spec.Instruction)))
                _ids.Add(context.Id);
            i++;
        }
    }

    /// <summary>Adds the first <paramref name="count"/> contexts of a task's training pool.</summary>
    public void AddTrainingPool(TaskModel task, int count) =>
        Add(task.Spec, ContextSet.Create(task, ContextSplit.Train, count).Contexts.Select(c => c.State));

    /// <summary>
    /// The same ids with every context's objects moved by Gaussian noise of std <paramref name="sigma"/> (m); each
    /// context's noise derives from (run seed, context id), so every process builds the same perturbed set.
    /// </summary>
    public ContextCatalog Perturbed(double sigma, long runSeed, Func<TaskContext, TaskModel> modelOf)
    {
        var perturbed = new ContextCatalog();
        foreach (var id in _ids)
        {
            var seed = Seeds.ContextNoise(runSeed, id);
            var (context, instruction) = _contexts[id];
            perturbed._contexts[id] = (ContextNoise.Perturb(modelOf(context), context, sigma, seed), instruction);
            perturbed._ids.Add(id);
        }
        return perturbed;
    }

    /// <summary>The context of an id; an unknown id is named in the error.</summary>
    public TaskContext Get(string contextId) =>
        _contexts.TryGetValue(contextId, out var c) ? c.Context : throw new KeyNotFoundException($"no context '{contextId}' in the run's context set");

    /// <summary>The language instruction of a context's task.</summary>
    public string InstructionOf(string contextId) =>
        _contexts.TryGetValue(contextId, out var c) ? c.Instruction : throw new KeyNotFoundException($"no context '{contextId}' in the run's context set");
}
