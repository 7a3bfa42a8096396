using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;

namespace RiptOrleans.Physics.Controllers;

/// <summary>The parallel gripper's rate-limited command (robosuite's Panda gripper law, spec A4).</summary>
/// <remarks>
/// An internal command c in [-1, 1] moves by 0.01 per substep toward the sign of the action (+1 closes), so a full
/// open-to-close sweep takes about 8 control steps; the finger servos track mid + half-range · c.
/// </remarks>
public sealed class GripperController
{
    private const double RatePerSubstep = 0.01;
    private readonly int _left;
    private readonly int _right;
    private double _command;
    private double _target;

    public GripperController(MjModel model)
    {
        _left = model.ActuatorId(PandaArm.LeftFingerActuator);
        _right = model.ActuatorId(PandaArm.RightFingerActuator);
    }

    /// <summary>Starts from the half-open command that matches <see cref="PandaArm.InitFingerQpos"/>.</summary>
    public void Reset(double command = -0.0417)
    {
        _command = command;
        _target = 0;
    }

    /// <summary>Takes the policy's gripper action: only its sign matters (+1 close, -1 open, 0 hold).</summary>
    public void SetGoal(double action) => _target = double.IsFinite(action) ? Math.Sign(action) : 0;

    /// <summary>Advances the command by one substep and writes both finger servos.</summary>
    public void Apply(MjData data)
    {
        _command = Math.Clamp(_command + RatePerSubstep * _target, -1, 1);
        // c = +1 drives both fingers to their closed limit (q = 0), c = -1 to fully open.
        var opening = PandaArm.FingerTravel * (1 - _command) / 2;
        var ctrl = data.Ctrl;
        ctrl[_left] = opening;
        ctrl[_right] = -opening;
    }

    /// <summary>The internal command in [-1, 1] (+1 = fully closed).</summary>
    public double Command => _command;
}
