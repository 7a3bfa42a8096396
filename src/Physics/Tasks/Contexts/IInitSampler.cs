using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>Places a task's objects (and goal markers) for one context; the robot is already at its start pose.</summary>
public interface IInitSampler
{
    /// <summary>Writes object poses, fixture joints and mocap targets into <paramref name="data"/>, drawing only from <paramref name="rng"/>.</summary>
    void Place(TaskModel task, MjData data, Random rng);
}
