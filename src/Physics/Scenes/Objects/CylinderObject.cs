using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>A loose upright cylinder with its origin at the centre: cans, MetaWorld's puck (r 0.02, half-height 0.02, 0.75 kg).</summary>
public sealed record CylinderObject(string Name, double CylinderRadius, double HalfHeight, Rgba Color, double? Mass = null,
    Surface? Contact = null) : IScenePart
{
    public double OriginHeight => HalfHeight;
    public double Height => 2 * HalfHeight;
    public double Radius => CylinderRadius + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Cylinder($"{Name}_geom", CylinderRadius, HalfHeight, Vec3.Zero, rgba: Color, surface: Contact ?? Surface.Graspable,
                density: Mass is null ? 100 : null, mass: Mass);
}
