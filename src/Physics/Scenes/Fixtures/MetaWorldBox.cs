using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// MetaWorld's box of box-close (spec B3): an open-top box on a mocap body at the table surface, with the goal site on
/// its rim at z 0.133 where a closing lid's origin ends up.
/// </summary>
/// <remarks>The box is a mocap body because its position is drawn per context and mocap_pos is part of the saved state.</remarks>
public sealed record MetaWorldBox(string Name) : IScenePart
{
    /// <summary>Outer half width of the square box (m).</summary>
    public const double HalfWidth = 0.06;

    /// <summary>Height of the walls' top edge; a lid rests on it.</summary>
    public const double WallHeight = 0.115;

    /// <summary>The goal in the box frame: MetaWorld's target z of 0.133 above the table.</summary>
    public static readonly Vec3 GoalOffset = new(0, 0, 0.133);

    private const double Wall = 0.008;

    public double OriginHeight => 0;
    public double Height => WallHeight;
    public double Radius => HalfWidth + 0.01;
    public bool IsFree => false;

    public string GoalSite => $"{Name}_goal";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var color = new Rgba(0.35, 0.45, 0.6);
        const double h = WallHeight / 2, w = HalfWidth;
        scene.World.Body(Name, position, Quat.FromYaw(yaw)).Mocap()
            .Box($"{Name}_floor", new(w, w, Wall / 2), new(0, 0, Wall / 2), rgba: color)
            .Box($"{Name}_wall_n", new(w, Wall / 2, h), new(0, w - Wall / 2, h), rgba: color)
            .Box($"{Name}_wall_s", new(w, Wall / 2, h), new(0, -w + Wall / 2, h), rgba: color)
            .Box($"{Name}_wall_e", new(Wall / 2, w - Wall, h), new(w - Wall / 2, 0, h), rgba: color)
            .Box($"{Name}_wall_w", new(Wall / 2, w - Wall, h), new(-w + Wall / 2, 0, h), rgba: color)
            .Site(GoalSite, GoalOffset, rgba: new Rgba(0.1, 0.8, 0.1, 0));
    }
}
