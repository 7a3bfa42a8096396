using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes.Fixtures;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>One cabinet drawer of one model: its slide position and points on it (handle, interior) in the world as it slides.</summary>
public sealed class DrawerProbe
{
    private readonly int _cabinet;
    private readonly int _qpos;
    private readonly Vec3 _handle;
    private readonly Vec3 _floor;

    /// <param name="yaw">The cabinet's placement yaw (fixtures are placed without jitter).</param>
    public DrawerProbe(MjModel model, Cabinet cabinet, string level, double yaw)
    {
        _cabinet = model.BodyId(cabinet.Name);
        _qpos = model.JointQposAddress(model.JointId(cabinet.Joint(level)));
        var index = Array.IndexOf(Cabinet.Levels, level);
        _handle = Cabinet.HandleOffset(index);
        _floor = new Vec3(0, 0, Cabinet.FloorHeight(index));
        Out = new Vec3(Math.Sin(yaw), -Math.Cos(yaw), 0);
    }

    /// <summary>Unit direction the drawer opens toward (the cabinet's local −y in the world) at the placement yaw.</summary>
    public Vec3 Out { get; }

    /// <summary>Unit direction the drawer opens toward in the live state: follows a cabinet whose yaw is sampled per context.</summary>
    public Vec3 Opening(MjData data)
    {
        var r = data.Xmat.Slice(9 * _cabinet, 9);
        return new Vec3(-r[1], -r[4], -r[7]);
    }

    /// <summary>The drawer's slide position (0 closed, −0.16 fully open).</summary>
    public double Q(MjData data) => data.Qpos[_qpos];

    /// <summary>Middle of the handle bar (world).</summary>
    public Vec3 Handle(MjData data) => OnDrawer(data, _handle);

    /// <summary>Centre of the drawer's inside bottom surface (world).</summary>
    public Vec3 Floor(MjData data) => OnDrawer(data, _floor);

    /// <summary>
    /// The drawer's front as three upright columns along it, where the handles stand out: an open drawer
    /// is an obstacle a hand reaching past it has to keep clear of, as loose neighbours are.
    /// </summary>
    public IEnumerable<HandClearance.Column> Front(MjData data)
    {
        // From the cabinet's foot to 1 cm over the handle.
        var foot = ToWorld(data, Vec3.Zero).Z;
        foreach (var x in new[] { -0.085, 0, 0.085 })
        {
            var p = OnDrawer(data, new Vec3(x, _handle.Y, 0));
            yield return new HandClearance.Column(p.WithZ(foot), 0.045, _handle.Z + Cabinet.HandleHalfSize.Z + 0.01);
        }
    }

    /// <summary>A point given in the cabinet frame with the drawer closed, carried along by the drawer (world).</summary>
    public Vec3 OnDrawer(MjData data, Vec3 local) => ToWorld(data, local + new Vec3(0, Q(data), 0));

    /// <summary>A cabinet-frame point in the world.</summary>
    public Vec3 ToWorld(MjData data, Vec3 local)
    {
        var r = data.Xmat.Slice(9 * _cabinet, 9);
        var o = Vec3.From(data.Xpos, _cabinet);
        return o + new Vec3(r[0] * local.X + r[1] * local.Y + r[2] * local.Z, r[3] * local.X + r[4] * local.Y + r[5] * local.Z,
            r[6] * local.X + r[7] * local.Y + r[8] * local.Z);
    }
}
