using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// A sauce bottle of LIBERO's HOPE set (ketchup, salad dressing, bbq sauce): a flat box body, a narrower shoulder box
/// and a round cap, upright; the origin sits <see cref="OriginHeight"/> above the bottom, as the asset's (spec A6.1).
/// </summary>
/// <param name="BodyHalfSize">Half extents of the body box (x thin, y wide, z).</param>
/// <param name="TotalHeight">Bottom to cap top.</param>
public sealed record Bottle(string Name, Vec3 BodyHalfSize, double TotalHeight, double OriginHeight, Rgba Color, Rgba CapColor,
    double Density = 100) : IScenePart
{
    public double Height => TotalHeight;
    public double Radius => Math.Max(BodyHalfSize.X, BodyHalfSize.Y) + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var bottom = -OriginHeight;
        var bodyTop = bottom + 2 * BodyHalfSize.Z;
        var cap = 0.012;
        var shoulder = (TotalHeight - 2 * BodyHalfSize.Z - cap) / 2;
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Box($"{Name}_body", BodyHalfSize, new(0, 0, bottom + BodyHalfSize.Z), rgba: Color, surface: Surface.Graspable, density: Density)
            .Box($"{Name}_shoulder", new(BodyHalfSize.X * 0.7, BodyHalfSize.Y * 0.55, shoulder), new(0, 0, bodyTop + shoulder), rgba: Color,
                surface: Surface.Graspable, density: Density)
            .Cylinder($"{Name}_cap", Math.Min(BodyHalfSize.X, 0.011), cap / 2, new(0, 0, TotalHeight - OriginHeight - cap / 2), rgba: CapColor,
                surface: Surface.Graspable, density: Density)
            // The label: a visual band around the body.
            .Box(null, BodyHalfSize with { X = BodyHalfSize.X + 0.0005, Y = BodyHalfSize.Y + 0.0005, Z = BodyHalfSize.Z * 0.4 },
                new(0, 0, bottom + BodyHalfSize.Z * 1.1), rgba: new Rgba(0.92, 0.9, 0.82), collides: false);
    }
}
