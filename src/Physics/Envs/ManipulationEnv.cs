using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Envs;

/// <summary>One simulated episode at a time of a task: reset(context) → observation; step(action) → done, success, failure reason.</summary>
/// <remarks>
/// Owns one MjData over the task's shared MjModel, so K envs of a task share one model. Not thread-safe: one env is
/// stepped by one thread at a time. Deterministic for the same (context, actions).
/// </remarks>
public sealed class ManipulationEnv : IDisposable
{
    private readonly IRobotRig _rig;
    private readonly double[] _action;
    private int _steps;
    private bool _done = true;

    public ManipulationEnv(TaskModel task)
    {
        Task = task;
        Data = new MjData(task.Model);
        _rig = task.CreateRig();
        _action = new double[_rig.ActionDim];
    }

    public TaskModel Task { get; }

    /// <summary>The simulation state; experts and renderers read it, nothing outside the env writes it.</summary>
    public MjData Data { get; }

    public IRobotRig Rig => _rig;

    public int ActionDim => _rig.ActionDim;

    /// <summary>Control steps taken in the current episode.</summary>
    public int StepCount => _steps;

    /// <summary>Action entries that were NaN or infinite (replaced by 0) since construction.</summary>
    public long NonFiniteActions { get; private set; }

    /// <summary>Action entries outside [-1, 1] (clipped) since construction.</summary>
    public long ClippedActions { get; private set; }

    /// <summary>Restores a context's full state and returns the first observation in <paramref name="observation"/>.</summary>
    public void Reset(TaskContext context, Span<float> observation)
    {
        if (context.TaskId != Task.Spec.Id)
            throw new ArgumentException($"context {context.Id} belongs to task {context.TaskId}, not {Task.Spec.Id}", nameof(context));
        Data.SetState(context.State);
        Data.ClearWarnings();
        Data.Forward();
        _rig.Reset(Data);
        _steps = 0;
        _done = false;
        Observe(observation);
    }

    /// <summary>Applies one action over the control step's substeps and writes the next observation.</summary>
    /// <exception cref="InvalidOperationException">The episode has ended (success, failure or horizon).</exception>
    public StepResult Step(ReadOnlySpan<double> action, Span<float> observation)
    {
        if (_done)
            throw new InvalidOperationException(_steps >= Task.Spec.Horizon
                ? $"task {Task.Spec.Id}: step {_steps + 1} is past the horizon of {Task.Spec.Horizon}; reset first"
                : $"task {Task.Spec.Id}: the episode has ended; reset first");
        if (action.Length != _action.Length)
            throw new ArgumentException($"task {Task.Spec.Id} takes {_action.Length}-D actions, got {action.Length}", nameof(action));
        for (var i = 0; i < _action.Length; i++)
        {
            var a = action[i];
            if (!double.IsFinite(a))
            {
                NonFiniteActions++;
                a = 0;
            }
            else if (a is > 1 or < -1)
            {
                ClippedActions++;
                a = Math.Clamp(a, -1, 1);
            }
            _action[i] = a;
        }

        _rig.SetAction(Data, _action);
        _rig.Advance(Data);
        _steps++;

        if (Data.Diverged)
        {
            _done = true;
            // MuJoCo has already reset mjData; the next Reset restores a valid context.
            Observe(observation);
            return new StepResult(true, false, Data.Warnings.Describe());
        }
        Observe(observation);
        if (Task.Goal.Holds(Data))
        {
            _done = true;
            return new StepResult(true, true, null);
        }
        if (_steps >= Task.Spec.Horizon)
        {
            _done = true;
            return new StepResult(true, false, FailureReasons.Timeout);
        }
        return StepResult.Running;
    }

    /// <summary>Writes the state observation (proprioception, then tracked object poses).</summary>
    public void Observe(Span<float> observation)
    {
        var spec = Task.Observation;
        if (observation.Length < spec.Size)
            throw new ArgumentException($"observation buffer holds {observation.Length} floats, task {Task.Spec.Id} needs {spec.Size}", nameof(observation));
        _rig.WriteProprio(Data, observation);
        var offset = spec.Size - 7 * Task.TrackedBodies.Length;
        var xpos = Data.Xpos;
        var xquat = Data.Xquat;
        foreach (var body in Task.TrackedBodies)
        {
            for (var i = 0; i < 3; i++) observation[offset + i] = (float)xpos[3 * body + i];
            for (var i = 0; i < 4; i++) observation[offset + 3 + i] = (float)xquat[4 * body + i];
            offset += 7;
        }
    }

    public void Dispose() => Data.Dispose();
}
