using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// A book standing on its bottom edge (LIBERO's black and yellow books, STUDY scenes): one box, its thickness along local
/// x, its width along local y, origin at the bottom centre (spec A6.1).
/// </summary>
public sealed record Book(string Name, Vec3 HalfSize, Rgba Color, double Density = 400) : IScenePart
{
    /// <summary>LIBERO's black book: 0.029 x 0.11 x 0.134 m.</summary>
    public static Book Black(string name) => new(name, new(0.0145, 0.055, 0.067), new Rgba(0.1, 0.1, 0.11));

    /// <summary>LIBERO's yellow book: 0.024 x 0.098 x 0.122 m.</summary>
    public static Book Yellow(string name) => new(name, new(0.012, 0.049, 0.061), new Rgba(0.9, 0.75, 0.15));

    public double OriginHeight => 0;
    public double Height => 2 * HalfSize.Z;
    public double Radius => Math.Max(HalfSize.X, HalfSize.Y) + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw) =>
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Box($"{Name}_geom", HalfSize, new(0, 0, HalfSize.Z), rgba: Color, surface: Surface.Graspable, density: Density)
            // The pages' edge along the top and the open side, only seen.
            .Box(null, new(HalfSize.X * 0.8, 0.001, HalfSize.Z * 0.95), new(0, HalfSize.Y + 0.0005, HalfSize.Z), rgba: new Rgba(0.93, 0.92, 0.86),
                collides: false);
}
