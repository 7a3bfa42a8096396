using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>
/// Object origin above a flat region site: inside its xy half extents and between h − 0.005 and h + 0.10 above its
/// centre (h = the site's z half extent); when the region belongs to a fixture the object must also touch it (spec A7).
/// </summary>
public sealed record OnRegion(string Object, string Site, Vec3 HalfSize, string? Fixture = null) : IPredicate
{
    public string Describe() => $"On({Object}, {Site})";

    public IBoundPredicate Bind(MjModel model)
    {
        var a = model.BodyId(Object);
        var site = model.SiteId(Site);
        var sa = SceneQuery.Subtree(model, a);
        var fixture = Fixture is null ? null : SceneQuery.Subtree(model, model.BodyId(Fixture));
        return new BoundPredicate(d =>
        {
            var p = SceneQuery.InSiteFrame(d, site, SceneQuery.BodyPos(d, a));
            return Math.Abs(p.X) < HalfSize.X && Math.Abs(p.Y) < HalfSize.Y
                && p.Z > HalfSize.Z - 0.005 && p.Z < HalfSize.Z + 0.10
                && (fixture is null || SceneQuery.InContact(model, d, sa, fixture));
        });
    }
}
