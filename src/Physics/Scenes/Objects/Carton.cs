using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// A drink carton of LIBERO's HOPE set (milk, orange juice): a square box body under a gable ridge with a cap, 0.053 x
/// 0.053 x 0.131 m; the origin sits 0.070 above the bottom, as the asset's (spec A6.1).
/// </summary>
public sealed record Carton(string Name, Rgba Color, Rgba CapColor, double Density = 100) : IScenePart
{
    public const double HalfWidth = 0.026, BodyHeight = 0.11, TotalHeight = 0.131;

    public double OriginHeight => 0.070;
    public double Height => TotalHeight;
    public double Radius => HalfWidth + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var bottom = -OriginHeight;
        var ridge = (TotalHeight - BodyHeight) / 2;
        var body = scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Box($"{Name}_body", new(HalfWidth, HalfWidth, BodyHeight / 2), new(0, 0, bottom + BodyHeight / 2), rgba: Color,
                surface: Surface.Graspable, density: Density)
            // The gable: one ridge box the width of the carton, thin across; its two roof slopes are only seen.
            .Box($"{Name}_ridge", new(HalfWidth, 0.006, ridge), new(0, 0, bottom + BodyHeight + ridge), rgba: Color,
                surface: Surface.Graspable, density: Density)
            .Cylinder(null, 0.008, 0.005, new(HalfWidth * 0.4, -0.012, bottom + BodyHeight + 0.008), rgba: CapColor, collides: false);
        foreach (var side in new[] { -1.0, 1.0 })
            body.Box(null, new(HalfWidth, 0.0015, 0.019), new(0, side * 0.013, bottom + BodyHeight + 0.009),
                Quat.FromAxisAngle(new Vec3(1, 0, 0), side * 0.75), Color, collides: false);
    }
}
