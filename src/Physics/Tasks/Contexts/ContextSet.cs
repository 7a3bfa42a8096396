using RiptOrleans.Physics.Randomness;

namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>A task's deterministic contexts of one split: the same seeds give the same states on every machine.</summary>
public sealed class ContextSet
{
    /// <summary>Evaluation contexts per task (LIBERO's 50 fixed init states, MetaWorld's 50 tasks per env).</summary>
    public const int EvalCount = 50;

    private ContextSet(string taskId, ContextSplit split, IReadOnlyList<TaskContext> contexts)
    {
        TaskId = taskId;
        Split = split;
        Contexts = contexts;
    }

    public string TaskId { get; }

    public ContextSplit Split { get; }

    public IReadOnlyList<TaskContext> Contexts { get; }

    public int Count => Contexts.Count;

    public TaskContext this[int index] => Contexts[index];

    /// <summary>Samples <paramref name="count"/> distinct contexts; seeds derive from (task id or its context key, split, index) only.</summary>
    public static ContextSet Create(TaskModel task, ContextSplit split, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var list = new List<TaskContext>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var salt = 0;
        for (var i = 0; i < count; i++)
        {
            TaskContext context;
            do
            {
                context = ContextSampler.Sample(task, split, i, Seeds.Context(task.Spec.ContextKey ?? task.Spec.Id, split, i, salt++ == 0 ? 0 : salt));
            } while (!seen.Add(Fingerprint(context.State)) && salt < count + 100);
            salt = 0;
            list.Add(context);
        }
        return new ContextSet(task.Spec.Id, split, list);
    }

    private static string Fingerprint(double[] state) => string.Join(',', state.Select(v => Math.Round(v, 6)));
}
