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

    /// <summary>Wrist joint values beyond which a yaw is reached the other way round (the joint's limit is ±2.90 rad).</summary>
    private const double WristLimit = 2.5;

    /// <summary>Sign of the last joint's turn per unit of yaw: its axis runs along the fingers, which point down (measured).</summary>
    private const double WristSign = -1;

    public Vec3 GripPosition(MjData data) => Vec3.From(data.SiteXpos, _site);

    /// <summary>Distance between the fingers' inner faces (m).</summary>
    public double FingerOpening(MjData data) => data.Qpos[_leftFinger] - data.Qpos[_rightFinger];

    /// <summary>
    /// Writes the action toward <paramref name="target"/> with the fingers pointing along <paramref name="point"/> (null:
    /// straight down, opening along (−sin yaw, cos yaw, 0); otherwise a unit direction that is not vertical, opening
    /// horizontally across it).
    /// The fingers are symmetric, so of the two opening-axis signs the nearer is taken. Returns the remaining distance (m).
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
        Vec3 x;
        if (point is null)
        {
            // Of the yaws that open the fingers along the same line, take the nearest one the wrist can reach: a yaw
            // turn moves the last joint by about the same angle, and past its limit the arm would stall.
            var now = Rotation.Axis(current, 0);
            var delta = Math.IEEERemainder(yaw - Math.Atan2(-now.X, now.Y), Math.PI);
            var wrist = data.Qpos[_wrist];
            if (Math.Abs(wrist + WristSign * delta) > WristLimit)
                delta -= Math.Sign(delta) * Math.PI;
            var goalYaw = Math.Atan2(-now.X, now.Y) + delta;
            x = new Vec3(-Math.Sin(goalYaw), Math.Cos(goalYaw), 0);
        }
        else
        {
            x = Vec3.UnitZ.Cross(z) / Vec3.UnitZ.Cross(z).Norm;
            if (x.Dot(Rotation.Axis(current, 0)) < 0) x = -x;
        }
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
