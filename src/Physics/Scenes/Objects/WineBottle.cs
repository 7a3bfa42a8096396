using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// LIBERO's wine bottle: 0.043 x 0.044 x 0.157 m, origin at the bottom centre (spec A6.1), a 0.11 m body and a thinner
/// neck, built from cylinders along the body's local z.
/// </summary>
public sealed record WineBottle(string Name, Rgba Color) : IScenePart
{
    public const double BodyRadius = 0.021, BodyHeight = 0.11, NeckRadius = 0.012, TotalHeight = 0.157;

    /// <summary>LIBERO's default object density (spec A6.1).</summary>
    private const double Density = 100;

    /// <summary>Thickness of the square foot the bottle stands on.</summary>
    private const double Foot = 0.004;

    public double OriginHeight => 0;
    public double Height => TotalHeight;
    public double Radius => BodyRadius + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var neck = TotalHeight - BodyHeight;
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            // A square foot stands on 4 box-box contacts; a cylinder's end on a box gets one contact point and a tall
            // light bottle rocks on it. The body starts 1 mm above the foot's underside so only the foot touches a support.
            .Box($"{Name}_foot", new(BodyRadius * 0.72, BodyRadius * 0.72, Foot / 2), new(0, 0, Foot / 2), rgba: Color,
                surface: Surface.Graspable, density: Density)
            .Cylinder($"{Name}_body", BodyRadius, (BodyHeight - 0.001) / 2, new(0, 0, (BodyHeight + 0.001) / 2), rgba: Color,
                surface: Surface.Graspable, density: Density)
            .Cylinder($"{Name}_neck", NeckRadius, neck / 2, new(0, 0, BodyHeight + neck / 2), rgba: Color, surface: Surface.Graspable,
                density: Density)
            .Cylinder(null, NeckRadius + 0.001, 0.008, new(0, 0, TotalHeight - 0.008), rgba: new Rgba(0.55, 0.1, 0.12), collides: false);
    }
}
