using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// LIBERO's wooden/white cabinet: 0.255 x 0.22 x 0.218 m, origin at the bottom centre, three drawers on slide joints
/// along local y opening toward local −y (range [−0.16, 0.01], damping 50, 3 kg each), handles on the −y face (spec A6.2).
/// </summary>
public sealed record Cabinet(string Name, Rgba Color) : IScenePart
{
    public static readonly string[] Levels = ["top", "middle", "bottom"];

    /// <summary>Half extents of a drawer's interior region site (its frame is the drawer's).</summary>
    public static readonly Vec3 RegionHalfSize = new(0.095, 0.07, 0.03);

    /// <summary>Half extents of the top surface site.</summary>
    public static readonly Vec3 TopSideHalfSize = new(0.125, 0.094, 0.0015);

    /// <summary>Half extents of a drawer's handle rod (x across, y out of the face, z up).</summary>
    public static readonly Vec3 HandleHalfSize = new(0.008, 0.0125, 0.008);

    private const double HalfX = 0.1275, HalfY = 0.11, Height = 0.218, Wall = 0.008, LevelHeight = (Height - Wall) / 3;

    /// <summary>Built as a mocap body, so its pose can be set per context (libero-spatial samples its yaw); static otherwise.</summary>
    public bool Movable { get; init; }

    public double OriginHeight => 0;
    double IScenePart.Height => Height;
    public double Radius => 0.17;
    public bool IsFree => false;

    public string Joint(string level) => $"{Name}_{level}_level";
    public string Drawer(string level) => $"{Name}_{level}_drawer";
    public string Region(string level) => $"{Name}_{level}_region";
    public string TopSide => $"{Name}_top_side";

    /// <summary>Height of a level's drawer floor above the cabinet origin (top = 0).</summary>
    private static double FloorZ(int level) => Wall + (2 - level) * LevelHeight;

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var c = scene.World.Body(Name, position, Quat.FromYaw(yaw));
        if (Movable)
            c.Mocap();
        c.Box($"{Name}_back", new(HalfX, Wall / 2, Height / 2), new(0, HalfY - Wall / 2, Height / 2), rgba: Color)
            .Box($"{Name}_left", new(Wall / 2, HalfY, Height / 2), new(-HalfX + Wall / 2, 0, Height / 2), rgba: Color)
            .Box($"{Name}_right", new(Wall / 2, HalfY, Height / 2), new(HalfX - Wall / 2, 0, Height / 2), rgba: Color)
            .Box($"{Name}_roof", new(HalfX, HalfY, Wall / 2), new(0, 0, Height - Wall / 2), rgba: Color)
            .Box($"{Name}_floor", new(HalfX, HalfY, Wall / 2), new(0, 0, Wall / 2), rgba: Color)
            // LIBERO's site centre is 0.222 over a mesh top near 0.218; on our box roof that would put the origin of an
            // object resting there (bowls, bottles: origin at the bottom) 4 mm under the centre, below the On window's
            // h − 0.005 = −3.5 mm. The slab's top is made flush with the roof instead (as the stove's cook region sits on its burner).
            .Site(TopSide, new(0.004, 0.016, Height - TopSideHalfSize.Z), halfSize: TopSideHalfSize);
        for (var level = 0; level < 3; level++)
        {
            var l = Levels[level];
            var floor = FloorZ(level);
            if (level > 0)
                c.Box($"{Name}_shelf{level}", new(HalfX - Wall, HalfY - Wall, 0.002), new(0, 0, floor + LevelHeight - 0.002), rgba: Color);
            var innerX = HalfX - Wall - 0.003;
            var innerY = HalfY - Wall / 2 - 0.004;
            var wallH = (LevelHeight - 0.012) / 2;
            scene.ExcludeContact(Name, Drawer(l));
            c.Body(Drawer(l), new(0, 0, floor))
                .Inertial(3, new(0, 0, wallH), new(0.01, 0.01, 0.01))
                .Slide(Joint(l), new(0, 1, 0), range: (-0.16, 0.01), damping: 50)
                .Box(null, new(innerX, innerY, 0.003), new(0, 0, 0.003), rgba: Color)
                .Box(null, new(innerX, 0.005, wallH), new(0, -innerY, wallH), rgba: Color)
                .Box(null, new(innerX, 0.004, wallH), new(0, innerY, wallH), rgba: Color)
                .Box(null, new(0.004, innerY, wallH), new(-innerX, 0, wallH), rgba: Color)
                .Box(null, new(0.004, innerY, wallH), new(innerX, 0, wallH), rgba: Color)
                // The handle: a square rod sticking 2.5 cm straight out of the face. Changed from a horizontal bar 3 cm
                // out on two posts: the Panda hand is 20 cm wide, so reaching a bar from above or gripping it across
                // collides with the handles above and the table for the lower drawers; a rod is gripped from the front,
                // fingers across it, and a short one keeps the hand clear of it when grasping beside an open drawer.
                .Box($"{Name}_{l}_handle", HandleHalfSize, new(0, -innerY - 0.005 - HandleHalfSize.Y, wallH + 0.008), rgba: Rgba.Grey,
                    surface: Surface.Graspable)
                .Site(Region(l), new(0, 0, RegionHalfSize.Z + 0.004), halfSize: RegionHalfSize);
        }
    }

    /// <summary>Height of a drawer's inside bottom surface above the cabinet origin.</summary>
    public static double FloorHeight(int level) => FloorZ(level) + 0.006;

    /// <summary>Centre of a drawer's handle rod in the cabinet frame at q = 0 (experts grasp here).</summary>
    public static Vec3 HandleOffset(int level) =>
        new(0, -(HalfY - Wall / 2 - 0.004) - 0.005 - HandleHalfSize.Y, FloorZ(level) + (LevelHeight - 0.012) / 2 + 0.008);
}
