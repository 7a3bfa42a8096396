using RiptOrleans.Physics.Controllers;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>The Panda's grip site and fingers in one model, and the 7-D OSC_POSE action that moves the site toward a Cartesian pose (spec B5.6).</summary>
public sealed class PandaMotion
{
    private readonly int _site;
    private readonly int _leftFinger;
    private readonly int _rightFinger;
    private readonly int _wrist;

    public PandaMotion(MjModel model)
    {
        _site = model.SiteId(PandaArm.GripSite);
        _leftFinger = model.JointQposAddress(model.JointId(PandaArm.LeftFingerJoint));
        _rightFinger = model.JointQposAddress(model.JointId(PandaArm.RightFingerJoint));
        _wrist = model.JointQposAddress(model.JointId(PandaArm.JointName(PandaArm.ArmDofs - 1)));
    }

    /// <summary>Sign of the last joint's turn per unit of yaw: its axis runs along the fingers, which point down (measured).</summary>
    private const double WristSign = -1;

    /// <summary>The last joint's range is ±2.90 rad: a turn that leaves it within this keeps clear of the stop.</summary>
    private const double WristSafe = 2.6;

    public Vec3 GripPosition(MjData data) => Vec3.From(data.SiteXpos, _site);

    /// <summary>Distance between the fingers' inner faces (m).</summary>
    public double FingerOpening(MjData data) => data.Qpos[_leftFinger] - data.Qpos[_rightFinger];

    /// <summary>
    /// Writes the action toward <paramref name="target"/> with the fingers pointing along <paramref name="point"/> (null:
    /// straight down, opening along (−sin yaw, cos yaw, 0); otherwise a unit direction that is not vertical, opening
    /// horizontally across it).
    /// Of the two yaws that open the fingers along the same line, the one kinder to the wrist is taken. Returns the remaining distance (m).
    /// </summary>
    /// <param name="speed">Cap on the position action (1 = 5 cm per control step).</param>
    public double Toward(MjData data, Vec3 target, double yaw, Vec3? point, double gripper, double speed, Span<double> action)
    {
        var d = target - GripPosition(data);
        var a = d / OscPoseController.PositionScale;
        var n = a.Norm;
        if (n > speed) a *= speed / n;
        action[0] = a.X; action[1] = a.Y; action[2] = a.Z;

        var current = data.SiteXmat.Slice(9 * _site, 9);
        var z = point ?? new Vec3(0, 0, -1);
        // The opening axis is horizontal: along (−sin yaw, cos yaw) for fingers pointing down, across the pointing
        // direction otherwise. Two yaws open the fingers along the same line; a yaw turn moves the last joint (range
        // ±2.90 rad) by about the same angle, and past its limit the arm would stall. So take the one that leaves the
        // wrist nearer the middle of its range: that choice stays the same while the turn is under way (the predicted
        // end value hardly moves), so it never flips back.
        if (point is { } p)
        {
            var across = Vec3.UnitZ.Cross(p);
            yaw = Math.Atan2(-across.X, across.Y);
        }
        var now = Rotation.Axis(current, 0);
        var delta = Math.IEEERemainder(yaw - Math.Atan2(-now.X, now.Y), Math.PI);
        var wrist = data.Qpos[_wrist];
        var other = delta - Math.Sign(delta) * Math.PI;
        // A turn of under 45° that keeps the wrist within its range is kept: with the wrist past ±π/2 the other yaw is
        // always nearer the middle, and once the hand had reached its yaw (delta hovering about 0) a sign change of delta
        // started a half turn mid-motion, swinging a carried mug round in the fingers.
        var small = Math.Abs(delta) < Math.PI / 4 && Math.Abs(wrist + WristSign * delta) < WristSafe;
        if (!small && Math.Abs(wrist + WristSign * other) < Math.Abs(wrist + WristSign * delta))
            delta = other;
        var goalYaw = Math.Atan2(-now.X, now.Y) + delta;
        var x = new Vec3(-Math.Sin(goalYaw), Math.Cos(goalYaw), 0);
        Span<double> goal = stackalloc double[9];
        Span<double> err = stackalloc double[9];
        var y = z.Cross(x);
        goal[0] = x.X; goal[1] = y.X; goal[2] = z.X;
        goal[3] = x.Y; goal[4] = y.Y; goal[5] = z.Y;
        goal[6] = x.Z; goal[7] = y.Z; goal[8] = z.Z;
        Rotation.MultiplyTransposed(goal, current, err);
        var r = Rotation.ToAxisAngle(err) / OscPoseController.RotationScale;
        action[3] = Math.Clamp(r.X, -1, 1); action[4] = Math.Clamp(r.Y, -1, 1); action[5] = Math.Clamp(r.Z, -1, 1);
        action[6] = gripper;
        return d.Norm;
    }
}
