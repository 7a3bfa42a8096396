using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>A loose sphere with its origin at the centre: MetaWorld's basketball (r 0.03, 0.1 kg) and soccer ball (r 0.026, 0.04 kg).</summary>
public sealed record Ball(string Name, double BallRadius, double Mass, Rgba Color, Surface? Contact = null) : IScenePart
{
    public double OriginHeight => BallRadius;
    public double Height => 2 * BallRadius;
    public double Radius => BallRadius + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Sphere($"{Name}_geom", BallRadius, Vec3.Zero, Color, Contact ?? Surface.Default, mass: Mass);
}
