using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>
/// Object origin inside a container region site (drawer, basket), tested in the site's own frame with the lower bound
/// extended by 1 cm (spec A7; LIBERO's axis-aligned test is exact only for yaw multiples of 90°, the site frame always is).
/// </summary>
public sealed record In(string Object, string Site, Vec3 HalfSize) : IPredicate
{
    public string Describe() => $"In({Object}, {Site})";

    public IBoundPredicate Bind(MjModel model)
    {
        var a = model.BodyId(Object);
        var site = model.SiteId(Site);
        return new BoundPredicate(d =>
        {
            var p = SceneQuery.InSiteFrame(d, site, SceneQuery.BodyPos(d, a));
            return Math.Abs(p.X) < HalfSize.X && Math.Abs(p.Y) < HalfSize.Y && p.Z > -HalfSize.Z - 0.01 && p.Z < HalfSize.Z;
        });
    }
}
