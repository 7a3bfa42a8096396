using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>Two points within a distance: MetaWorld's success tests (‖object − goal‖ ≤ threshold).</summary>
/// <remarks>Points are body origins or sites ("site:name"), plus an optional offset in the world frame.</remarks>
public sealed record Near(string PointA, string PointB, double Threshold, Vec3 OffsetA = default, Vec3 OffsetB = default,
    bool XOnly = false) : IPredicate
{
    public string Describe() => $"Near({PointA}, {PointB}, {Threshold})";

    public IBoundPredicate Bind(MjModel model)
    {
        var a = Resolve(model, PointA);
        var b = Resolve(model, PointB);
        return new BoundPredicate(d =>
        {
            var delta = a(d) + OffsetA - (b(d) + OffsetB);
            return (XOnly ? Math.Abs(delta.X) : delta.Norm) <= Threshold;
        });
    }

    /// <summary>A body origin or a site ("site:name") as a position read from the live state.</summary>
    internal static Func<MjData, Vec3> Resolve(MjModel model, string point)
    {
        if (point.StartsWith("site:", StringComparison.Ordinal))
        {
            var site = model.SiteId(point[5..]);
            return d => SceneQuery.SitePos(d, site);
        }
        var body = model.BodyId(point);
        return d => SceneQuery.BodyPos(d, body);
    }
}
