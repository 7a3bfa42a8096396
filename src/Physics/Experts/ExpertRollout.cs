using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Experts;

/// <summary>One expert episode from a context, optionally recorded: observations, actions, and how it ended.</summary>
public static class ExpertRollout
{
    /// <summary>An episode's record; <see cref="Observations"/> has one row more than <see cref="Actions"/> (the final state).</summary>
    public sealed record Episode(TaskContext Context, bool Success, string? FailureReason, int Steps, List<float[]> Observations, List<double[]> Actions);

    /// <summary>Runs the task's expert from <paramref name="context"/> until success, failure or the horizon.</summary>
    /// <param name="noise">Std of Gaussian noise added to every action entry before clipping (MetaWorld demos: 0.2).</param>
    /// <param name="record">Keep observations and actions (demonstrations) or only the outcome (success rates).</param>
    /// <param name="onObservation">Called with the state after reset and after every step (e.g. to render frames).</param>
    public static Episode Run(ManipulationEnv env, TaskContext context, double noise = 0, int noiseSeed = 0, bool record = false,
        Action<Mujoco.MjData>? onObservation = null)
    {
        var spec = env.Task.Spec;
        var factory = spec.Expert ?? throw new InvalidOperationException($"task {spec.Id} has no scripted expert");
        var expert = factory(env.Task);
        var rng = new Random(noiseSeed);
        var obs = new float[env.Task.Observation.Size];
        var action = new double[env.ActionDim];
        var observations = new List<float[]>();
        var actions = new List<double[]>();
        env.Reset(context, obs);
        expert.Reset(env);
        if (record) observations.Add((float[])obs.Clone());
        onObservation?.Invoke(env.Data);
        for (var t = 0; t < spec.Horizon; t++)
        {
            expert.Act(env, action);
            if (noise > 0)
                for (var i = 0; i < action.Length; i++)
                    action[i] = Math.Clamp(action[i] + noise * rng.NextGaussian(), -1, 1);
            var result = env.Step(action, obs);
            onObservation?.Invoke(env.Data);
            if (record)
            {
                actions.Add((double[])action.Clone());
                observations.Add((float[])obs.Clone());
            }
            if (result.Done)
                return new Episode(context, result.Success, result.FailureReason, t + 1, observations, actions);
        }
        return new Episode(context, false, FailureReasons.Timeout, spec.Horizon, observations, actions);
    }

}
