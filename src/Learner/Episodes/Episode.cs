using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Learner.Episodes;

/// <summary>One episode of a lock-step batch: the env it runs in, the context it starts from, and optional hooks (filmstrips).</summary>
/// <param name="Instruction">The language instruction the policy reads (the task's).</param>
public sealed class Episode(ManipulationEnv env, TaskContext context, string instruction)
{
    public ManipulationEnv Env { get; } = env;
    public TaskContext Context { get; } = context;
    public string Instruction { get; } = instruction;

    /// <summary>Called before each control step (e.g. to keep a film frame).</summary>
    public Action<ManipulationEnv>? BeforeStep { get; init; }

    /// <summary>Called once when the episode ends, with its outcome.</summary>
    public Action<ManipulationEnv, EpisodeOutcome>? OnDone { get; init; }
}
