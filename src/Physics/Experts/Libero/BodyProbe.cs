using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>One body of one model (a free object, a fixture): its live position and yaw, its id resolved once.</summary>
public sealed class BodyProbe(MjModel model, string name)
{
    private readonly int _body = model.BodyId(name);

    public Vec3 Position(MjData data) => Vec3.From(data.Xpos, _body);

    public double Yaw(MjData data) => Quat.From(data.Xquat, _body).Yaw;

    /// <summary>A point given in the body's yaw frame (x forward, y left, z up) in the world.</summary>
    public Vec3 Local(MjData data, Vec3 local)
    {
        var yaw = Yaw(data);
        double c = Math.Cos(yaw), s = Math.Sin(yaw);
        return Position(data) + new Vec3(c * local.X - s * local.Y, s * local.X + c * local.Y, local.Z);
    }
}
