namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>Which pool a context belongs to: evaluation contexts are never used for demonstrations or RL.</summary>
public enum ContextSplit
{
    Eval,
    Train,
}

/// <summary>One initial state of a task: the full physics state after placement and settling, with where it came from.</summary>
/// <param name="State">MjData full state (<c>MjData.GetState</c>), restored by the env at reset.</param>
public sealed record TaskContext(string TaskId, ContextSplit Split, int Index, int Seed, double[] State)
{
    /// <summary>DESIGN §3's ContextId: suite/task/index (train pool) or suite/task/eval-index.</summary>
    public string Id => Split == ContextSplit.Eval ? $"{TaskId}/eval-{Index}" : $"{TaskId}/{Index}";
}
