using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// LIBERO's desk caddy (STUDY scenes): a 0.151 x 0.434 m open organiser, origin at the bottom centre, with four
/// compartments and their region sites — back and front in the middle (split along local x), left and right at the
/// ends (spec A6.2).
/// </summary>
/// <remarks>
/// LIBERO's caddy is 0.167 m tall; ours has 0.10 m walls. A book standing in a compartment is held 4 cm under its top
/// (its top just under the Panda's palm), and the 20 cm palm, across the book, lies over the caddy's front and back
/// walls: with walls as high as the book is let go over, the palm would land on them. The back compartment's floor is
/// raised 2 cm (its region starts 2.6 cm up), the front one is lower, as LIBERO's region heights say.
/// </remarks>
public sealed record DeskCaddy(string Name, Rgba Color) : IScenePart
{
    public const double HalfX = 0.0755, HalfY = 0.217, WallHeight = 0.10, Wall = 0.006, BackFloor = 0.02;

    public static readonly Vec3 BackHalfSize = new(0.028, 0.062, 0.060);
    public static readonly Vec3 FrontHalfSize = new(0.028, 0.062, 0.036);
    public static readonly Vec3 SideHalfSize = new(0.062, 0.062, 0.060);

    public static readonly Vec3 BackOffset = new(0.034, -0.001, 0.086);
    public static readonly Vec3 FrontOffset = new(-0.031, -0.001, 0.041);
    public static readonly Vec3 LeftOffset = new(0.006, 0.146, 0.066);
    public static readonly Vec3 RightOffset = new(0.006, -0.143, 0.066);

    /// <summary>Local y of the two dividers between the middle and the end compartments.</summary>
    public const double DividerY = 0.077;

    public double OriginHeight => 0;
    public double Height => WallHeight;
    public double Radius => HalfY;
    public bool IsFree => false;

    public string Region(string compartment) => $"{Name}_{compartment}_contain_region";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        const double h = WallHeight / 2;
        var inside = new Rgba(Color.R * 0.8, Color.G * 0.8, Color.B * 0.8);
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .Box($"{Name}_base", new(HalfX, HalfY, 0.0025), new(0, 0, 0.0025), rgba: inside)
            .Box($"{Name}_wall_front", new(Wall / 2, HalfY, h), new(-HalfX + Wall / 2, 0, h), rgba: Color)
            .Box($"{Name}_wall_back", new(Wall / 2, HalfY, h), new(HalfX - Wall / 2, 0, h), rgba: Color)
            .Box($"{Name}_wall_left", new(HalfX - Wall, Wall / 2, h), new(0, HalfY - Wall / 2, h), rgba: Color)
            .Box($"{Name}_wall_right", new(HalfX - Wall, Wall / 2, h), new(0, -HalfY + Wall / 2, h), rgba: Color)
            .Box($"{Name}_divider_left", new(HalfX - Wall, Wall / 2, h), new(0, DividerY, h), rgba: Color)
            .Box($"{Name}_divider_right", new(HalfX - Wall, Wall / 2, h), new(0, -DividerY, h), rgba: Color)
            .Box($"{Name}_divider_middle", new(Wall / 2, DividerY - Wall / 2, h), new(0.0015, 0, h), rgba: Color)
            .Box($"{Name}_back_floor", new((HalfX - Wall - 0.0015 - Wall / 2) / 2, DividerY - Wall / 2, BackFloor / 2),
                new((HalfX - Wall + 0.0015 + Wall / 2) / 2, 0, BackFloor / 2), rgba: inside)
            .Site(Region("back"), BackOffset, halfSize: BackHalfSize)
            .Site(Region("front"), FrontOffset, halfSize: FrontHalfSize)
            .Site(Region("left"), LeftOffset, halfSize: SideHalfSize)
            .Site(Region("right"), RightOffset, halfSize: SideHalfSize);
    }
}
