using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>Two points within a distance along one world axis: MetaWorld's button and handle tests (|button_z − hole_z| ≤ 0.024).</summary>
/// <remarks>Points are body origins or sites ("site:name"), as in <see cref="Near"/>.</remarks>
public sealed record Along(string PointA, string PointB, int Axis, double Threshold, Vec3 OffsetA = default) : IPredicate
{
    public string Describe() => $"Along{"xyz"[Axis]}({PointA}, {PointB}, {Threshold})";

    public IBoundPredicate Bind(MjModel model)
    {
        if (Axis is < 0 or > 2)
            throw new ArgumentOutOfRangeException(nameof(Axis), Axis, "axis must be 0 (x), 1 (y) or 2 (z)");
        var a = Near.Resolve(model, PointA);
        var b = Near.Resolve(model, PointB);
        return new BoundPredicate(d =>
        {
            var delta = a(d) + OffsetA - b(d);
            return Math.Abs(Axis == 0 ? delta.X : Axis == 1 ? delta.Y : delta.Z) <= Threshold;
        });
    }
}
