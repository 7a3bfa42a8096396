using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>A loose box with its origin at the centre: food boxes (cookies, cream cheese, butter, pudding), MetaWorld blocks.</summary>
/// <param name="Contact">The box's contact properties (default: LIBERO's graspable surface).</param>
public sealed record BoxObject(string Name, Vec3 HalfSize, Rgba Color, double Density = 100, Surface? Contact = null) : IScenePart
{
    public double OriginHeight => HalfSize.Z;
    public double Height => 2 * HalfSize.Z;
    public double Radius => Math.Max(HalfSize.X, HalfSize.Y) + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Box($"{Name}_geom", HalfSize, Vec3.Zero, rgba: Color, surface: Contact ?? Surface.Graspable, density: Density);
}
