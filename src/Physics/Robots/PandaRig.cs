using RiptOrleans.Physics.Controllers;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Robots;

/// <summary>The Panda under OSC_POSE and the rate-limited gripper: 7-D actions at 20 Hz over 500 Hz physics (spec A2, A4).</summary>
public sealed class PandaRig : IRobotRig
{
    public const int ControlSubsteps = 25;
    private readonly OscPoseController _osc;
    private readonly GripperController _gripper;
    private readonly int _site;
    private readonly int[] _armQpos = new int[PandaArm.ArmDofs];
    private readonly int _leftFinger;
    private readonly int _rightFinger;

    public PandaRig(MjModel model)
    {
        _osc = new OscPoseController(model);
        _gripper = new GripperController(model);
        _site = model.SiteId(PandaArm.GripSite);
        for (var i = 0; i < PandaArm.ArmDofs; i++)
            _armQpos[i] = model.JointQposAddress(model.JointId(PandaArm.JointName(i)));
        _leftFinger = model.JointQposAddress(model.JointId(PandaArm.LeftFingerJoint));
        _rightFinger = model.JointQposAddress(model.JointId(PandaArm.RightFingerJoint));
    }

    public int ActionDim => 7;

    public int Substeps => ControlSubsteps;

    /// <summary>LIBERO's dataset keys: joint_states, ee_pos, ee_ori (axis-angle), gripper_states.</summary>
    public IReadOnlyList<(string Name, int Size)> ProprioFields { get; } =
        [("joint_states", 7), ("ee_pos", 3), ("ee_ori", 3), ("gripper_states", 2)];

    public void Reset(MjData data)
    {
        _osc.Reset(data);
        // Match the servo command to the fingers' current opening so a reset does not jerk them.
        var opening = data.Qpos[_leftFinger] - data.Qpos[_rightFinger];
        _gripper.Reset(1 - opening / PandaArm.FingerTravel);
    }

    public void SetAction(MjData data, ReadOnlySpan<double> action)
    {
        _osc.SetGoal(data, action[..6]);
        _gripper.SetGoal(action[6]);
    }

    public bool ControlsEverySubstep => true;

    public void ApplySubstep(MjData data)
    {
        _osc.Apply(data);
        _gripper.Apply(data);
    }

    public void WriteProprio(MjData data, Span<float> destination)
    {
        var qpos = data.Qpos;
        for (var i = 0; i < PandaArm.ArmDofs; i++) destination[i] = (float)qpos[_armQpos[i]];
        var p = Vec3.From(data.SiteXpos, _site);
        var r = Rotation.ToAxisAngle(data.SiteXmat.Slice(9 * _site, 9));
        destination[7] = (float)p.X; destination[8] = (float)p.Y; destination[9] = (float)p.Z;
        destination[10] = (float)r.X; destination[11] = (float)r.Y; destination[12] = (float)r.Z;
        destination[13] = (float)qpos[_leftFinger];
        destination[14] = (float)qpos[_rightFinger];
    }

    /// <summary>Grip-site position, for experts.</summary>
    public Vec3 GripPosition(MjData data) => Vec3.From(data.SiteXpos, _site);

    /// <summary>Distance between the fingers' inner faces (m): 0 closed, 0.08 fully open.</summary>
    public double FingerOpening(MjData data) => data.Qpos[_leftFinger] - data.Qpos[_rightFinger];
}
