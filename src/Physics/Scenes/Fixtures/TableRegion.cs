using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>A flat goal zone on the table (LIBERO's TargetZone): a box site at the surface, seen only by predicates.</summary>
public sealed record TableRegion(string Name, Vec3 HalfSize) : IScenePart
{
    public double OriginHeight => 0;
    public double Height => 0;
    public double Radius => 0;
    public bool IsFree => false;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Site(Name, position, Quat.FromYaw(yaw), HalfSize, new Rgba(0.2, 0.6, 0.2, 0));
}
