using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// LIBERO's basket (libero-object, LIVING_ROOM 1–2): a loose open box 0.141 m tall, origin at the bottom centre, with
/// the goal site <c>contain_region</c> at (0, 0, 0.072), half (0.061, 0.061, 0.069) (spec A6.1, A6.2).
/// </summary>
/// <remarks>
/// The scanned original measures 0.157 x 0.170 m overall; here the body is 0.157 x 0.140 (straight 8 mm walls, a
/// 14 x 12.4 cm inside around the region) and two handle bars near the rim make up the 0.170 at the y ends. A body
/// 0.170 long put its end walls where the Panda's 20 cm palm passes when it grasps an item standing 18 cm from the
/// basket (LIVING_ROOM_SCENE2's butter), and the palm, 4 to 9 cm over the table there, stalled on the wall's top; the
/// handles sit higher, above the palm.
/// </remarks>
public sealed record Basket(string Name, Rgba Color) : IScenePart
{
    public const double HalfX = 0.0785, HalfY = 0.070, WallHeight = 0.141, Wall = 0.008, Floor = 0.006;

    /// <summary>How far the handle bars reach out at the y ends, and the height of their lower edge.</summary>
    public const double HandleReach = 0.085, HandleBottom = 0.118;

    public static readonly Vec3 ContainHalfSize = new(0.061, 0.061, 0.069);

    public static readonly Vec3 ContainOffset = new(0, 0, 0.072);

    /// <summary>Wicker is heavier than LIBERO's default 100 kg/m³ objects: about 0.4 kg keeps the basket in place when brushed.</summary>
    private const double Density = 500;

    public double OriginHeight => 0;
    public double Height => WallHeight;
    public double Radius => HandleReach + 0.005;
    public bool IsFree => true;

    public string ContainRegion => $"{Name}_contain_region";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        const double h = WallHeight / 2;
        // The floor a shade darker than the walls, so the inside reads as inside in a camera frame.
        var floor = new Rgba(Color.R * 0.7, Color.G * 0.7, Color.B * 0.7);
        var body = scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            .Box($"{Name}_floor", new(HalfX, HalfY, Floor / 2), new(0, 0, Floor / 2), rgba: floor, surface: Surface.Graspable, density: Density)
            .Box($"{Name}_wall_front", new(Wall / 2, HalfY, h), new(-HalfX + Wall / 2, 0, h), rgba: Color, density: Density)
            .Box($"{Name}_wall_back", new(Wall / 2, HalfY, h), new(HalfX - Wall / 2, 0, h), rgba: Color, density: Density)
            .Box($"{Name}_wall_left", new(HalfX - Wall, Wall / 2, h), new(0, HalfY - Wall / 2, h), rgba: Color, density: Density)
            .Box($"{Name}_wall_right", new(HalfX - Wall, Wall / 2, h), new(0, -HalfY + Wall / 2, h), rgba: Color, density: Density)
            .Site(ContainRegion, ContainOffset, halfSize: ContainHalfSize);
        var reach = HandleReach - HalfY;
        var bar = (WallHeight - HandleBottom) / 2;
        foreach (var side in new[] { -1.0, 1.0 })
            body.Box($"{Name}_handle_{(side < 0 ? "right" : "left")}", new(0.04, reach / 2, bar), new(0, side * (HalfY + reach / 2), HandleBottom + bar),
                rgba: floor, density: Density);
    }
}
