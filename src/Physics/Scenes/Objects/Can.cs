using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>A food can of LIBERO's HOPE set (alphabet soup, tomato sauce): an upright cylinder with its origin at the centre and a label band that is only seen (spec A6.1).</summary>
public sealed record Can(string Name, double CanRadius, double HalfHeight, Rgba Color, Rgba LabelColor, double Density = 100) : IScenePart
{
    public double OriginHeight => HalfHeight;
    public double Height => 2 * HalfHeight;
    public double Radius => CanRadius + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Cylinder($"{Name}_geom", CanRadius, HalfHeight, Vec3.Zero, rgba: Color, surface: Surface.Graspable, density: Density)
            .Cylinder(null, CanRadius + 0.0005, HalfHeight * 0.45, new(0, 0, -HalfHeight * 0.1), rgba: LabelColor, collides: false);
}
