using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>A per-context goal point: a mocap body (its position is part of the physics state) carrying an invisible site.</summary>
public sealed record GoalMarker(string Name) : IScenePart
{
    public double OriginHeight => 0;
    public double Height => 0;
    public double Radius => 0;
    public bool IsFree => false;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Body(Name, position).Mocap().Site($"{Name}_site", Vec3.Zero, rgba: new Rgba(0.1, 0.8, 0.1, 0));
}
