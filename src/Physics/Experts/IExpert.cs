using RiptOrleans.Physics.Envs;

namespace RiptOrleans.Physics.Experts;

/// <summary>A scripted demonstrator for one task: reads the privileged simulation state of an env and proposes the next action.</summary>
/// <remarks>Deterministic given the state; demo diversity comes from noise added by the caller. One instance serves one env.</remarks>
public interface IExpert
{
    /// <summary>Called right after <see cref="ManipulationEnv.Reset"/>; resolves nothing by name per step.</summary>
    void Reset(ManipulationEnv env);

    /// <summary>Writes the next action (env.ActionDim entries in [-1, 1]).</summary>
    void Act(ManipulationEnv env, Span<double> action);
}
