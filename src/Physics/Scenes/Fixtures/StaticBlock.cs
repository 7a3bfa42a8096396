using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>A fixed box obstacle, origin at its bottom centre (e.g. the two-layer shelf of KITCHEN_SCENE9 as a block).</summary>
public sealed record StaticBlock(string Name, Vec3 HalfSize, Rgba Color) : IScenePart
{
    public double OriginHeight => 0;
    public double Height => 2 * HalfSize.Z;
    public double Radius => Math.Max(HalfSize.X, HalfSize.Y);
    public bool IsFree => false;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Body(Name, position, Quat.FromYaw(yaw)).Box($"{Name}_geom", HalfSize, new(0, 0, HalfSize.Z), rgba: Color);
}
