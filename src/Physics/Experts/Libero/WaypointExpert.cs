using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>A scripted Panda expert for one env: a fixed sequence of waypoints, each driven by <see cref="PandaMotion"/> until reached.</summary>
/// <remarks>
/// The task's factory resolves every id; the plan is drawn up at each reset from the initial state (e.g. an object's
/// yaw), and its targets read the live state, so only the phase index and a step counter are kept between steps.
/// After the last waypoint it holds still (the env ends the episode).
/// </remarks>
public sealed class WaypointExpert : IExpert
{
    private readonly PandaMotion _motion;
    private readonly Func<MjData, IEnumerable<Waypoint>> _planner;
    private List<Waypoint> _plan = [];
    private int _phase;
    private int _steps;
    private Vec3 _latched;

    public WaypointExpert(TaskModel task, Func<MjData, IEnumerable<Waypoint>> planner)
    {
        _motion = new PandaMotion(task.Model);
        _planner = planner;
    }

    /// <summary>Name of the current phase (for logs and debugging).</summary>
    public string Phase => _phase < _plan.Count ? _plan[_phase].Name : "done";

    public void Reset(ManipulationEnv env)
    {
        _plan = [.. _planner(env.Data)];
        if (_plan.Count == 0)
            throw new InvalidOperationException($"task {env.Task.Spec.Id}: the expert planned no waypoints");
        _phase = 0;
        Enter(env);
    }

    public void Act(ManipulationEnv env, Span<double> action)
    {
        var data = env.Data;
        while (true)
        {
            if (_phase >= _plan.Count)
            {
                var last = _plan[^1];
                _motion.Toward(data, _latched, last.Yaw, last.Point, last.Gripper, 0.5, action);
                return;
            }
            var w = _plan[_phase];
            var target = w.Latch ? _latched : w.Target(data);
            var distance = Distance(data, target);
            var reached = (distance < w.Tolerance && _steps >= w.MinSteps) || (w.Done?.Invoke(data) ?? false) || _steps >= w.MaxSteps;
            if (!reached)
            {
                _motion.Toward(data, target, w.Yaw, w.Point, w.Gripper, w.Speed, action);
                _steps++;
                return;
            }
            _phase++;
            Enter(env);
        }
    }

    private double Distance(MjData data, Vec3 target) => (target - _motion.GripPosition(data)).Norm;

    private void Enter(ManipulationEnv env)
    {
        _steps = 0;
        if (_phase >= _plan.Count)
        {
            _latched = _motion.GripPosition(env.Data);
            return;
        }
        var w = _plan[_phase];
        w.OnEnter?.Invoke(env.Data);
        _latched = w.Target(env.Data);
    }
}
