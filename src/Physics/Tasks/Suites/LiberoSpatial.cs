using RiptOrleans.Physics.Experts.Libero;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>
/// LIBERO-Spatial (spec A10.1): one main-table layout with two identical black bowls; every task puts the bowl named by
/// its spatial relation on the plate, and the tasks differ only in where the two bowls start (regions from spec A8).
/// </summary>
public static class LiberoSpatial
{
    public const string Name = "libero-spatial";

    /// <summary>OpenVLA-OFT's LIBERO-Spatial limit (spec A9).</summary>
    private const int Horizon = 220;

    /// <summary>Main-table regions are 2 x 2 cm: a 0.025 m object keeps ±1.5 cm around their centre (spec A5).</summary>
    private const double Jitter = 0.015;

    /// <summary>The cabinet's BDDL yaw_rotation, sampled per context (about 154°, its drawers opening toward the plate's side).</summary>
    private static readonly (double Lo, double Hi) CabinetYaw = (2.661, 2.724);

    /// <summary>The top drawer's opening in task 4, as decoded from LIBERO's init states (q ≈ −0.156; open is q &lt; −0.14).</summary>
    private static readonly (double Lo, double Hi) DrawerOpen = (-0.158, -0.154);

    /// <summary>
    /// The plate's radius for keeping starts apart: a bowl's wall is 3.9 cm from its centre at the plate's 1.6 cm rim
    /// height, so with the bowl's 5.8 cm a bowl may stand 10.7 cm from the plate, as LIBERO's regions need (11 cm apart).
    /// </summary>
    private const double PlateClearance = 0.049;

    private const string Target = "akita_black_bowl_1", Other = "akita_black_bowl_2", PlateName = "plate_1";

    // Fixed yaws per class (spec A5): bowls and plates 90°, boxes 180°.
    private static readonly Vessel Bowl1 = Vessel.BlackBowl(Target), Bowl2 = Vessel.BlackBowl(Other);
    private static readonly Vessel Plate = Vessel.Plate(PlateName);
    private static readonly BoxObject Cookies = new("cookies_1", new(0.042, 0.031, 0.0095), new Rgba(0.85, 0.55, 0.2));
    /// <summary>
    /// A short porcelain cup (spec A6.1: 0.089 wide, 0.042 tall), its 7 mm wall narrowing to a 6.5 cm mouth, 0.23 kg
    /// (porcelain's density, not LIBERO's 100). Changed from a straight cup: a bowl sinks 2 cm into an 8 cm mouth, and the
    /// bowl, which tilts in a one-sided grasp, jams on the rim and lifts the ramekin along; on the narrower rim it rests on
    /// its base's corners and comes off cleanly.
    /// </summary>
    private static readonly Vessel Ramekin = new("glazed_rim_porcelain_ramekin_1", 0.041, 0.036, 0.042, new Rgba(0.95, 0.93, 0.85),
        Segments: 16, Thickness: 0.007, Density: 2400);
    private static readonly Cabinet Cabinet = new("wooden_cabinet_1", Rgba.Wood) { Movable = true };
    private static readonly Stove Stove = new("flat_stove_1");

    /// <summary>Where a bowl starts: a table region, on another object, or on a fixture's site.</summary>
    private abstract record Start(BowlSupport Support);
    private sealed record OnTable(double X, double Y, double JitterX = Jitter) : Start(BowlSupport.Table);
    private sealed record OnObject(string Object) : Start(BowlSupport.Table);
    private sealed record OnSite(SiteSupport Site, BowlSupport Kind, double X = 0, double Y = 0, double Jitter = Jitter) : Start(Kind);

    // The table regions of spec A10.1 (workspace frame = world xy on the main table).
    private static readonly Start BetweenPlateAndRamekin = new OnTable(-0.05, 0.20);
    private static readonly Start NextToRamekin = new OnTable(-0.18, 0.32);
    private static readonly Start NextToBox = new OnTable(0.13, -0.07);
    private static readonly Start NextToPlate = new OnTable(0.01, 0.31);
    /// <summary>table_center is 0.05 x 0.02 m: LIBERO's sampler keeps a bowl's 0.025 m radius inside it, so x is fixed and y varies ±1.5 cm (spec A8).</summary>
    private static readonly Start TableCenter = new OnTable(-0.075, 0, JitterX: 0);
    private static readonly Start OnCookies = new OnObject(Cookies.Name);
    private static readonly Start OnRamekin = new OnObject(Ramekin.Name);
    private static readonly Start OnStove = new OnSite(new(Stove.CookRegion, Stove.CookRegionHalfSize.Z), BowlSupport.Stove);
    private static readonly Start OnCabinet = new OnSite(new(Cabinet.TopSide, Cabinet.TopSideHalfSize.Z), BowlSupport.CabinetTop);
    /// <summary>
    /// In the open top drawer, 2.6 cm in front of its middle and 1 cm off it away from the robot, ±1 cm: LIBERO's bowl sits
    /// 1.6 cm behind the middle, but in our shallower drawer its back rim would then be under the cabinet's roof, where no
    /// grasp from above can lift it out; ±1.5 cm along the drawer would put it against the front board or under the roof,
    /// and across it would leave the outer finger no room beside the side board when it grasps the robot-facing side.
    /// </summary>
    private static readonly Start InTopDrawer = new OnSite(new(Cabinet.Region("top"), Cabinet.RegionHalfSize.Z), BowlSupport.TopDrawer, -0.01, -0.026, 0.01);

    private static Placement Place(Vessel bowl, Start start) => start switch
    {
        OnTable t => new(bowl, t.X, t.Y, Math.PI / 2, Jitter) { JitterX = t.JitterX },
        OnObject o => new(bowl, 0, 0, Math.PI / 2, OnTopOf: o.Object),
        OnSite s => new(bowl, s.X, s.Y, Math.PI / 2, s.Jitter) { OnSite = s.Site },
        _ => throw new ArgumentOutOfRangeException(nameof(start), start, "unknown start"),
    };

    /// <summary>The scene with the bowls at their starts: fixtures first (objects on their sites need their poses), then the objects bowls may start on.</summary>
    private static Placement[] Scene(Start target, Start other, bool drawerOpen)
    {
        var joints = drawerOpen ? new Dictionary<string, (double, double)> { [Cabinet.Joint("top")] = DrawerOpen } : null;
        return
        [
            new(Cabinet, 0.03, -0.27, (CabinetYaw.Lo + CabinetYaw.Hi) / 2, 0, Joints: joints) { YawRange = CabinetYaw },
            new(Stove, -0.41, -0.14, 0, 0),
            new(Plate, 0.06, 0.20, Math.PI / 2, Jitter) { Radius = PlateClearance },
            new(Cookies, 0.07, 0.03, Math.PI, Jitter),
            new(Ramekin, -0.20, 0.20, Math.PI / 2, Jitter),
            Place(Bowl1, target),
            Place(Bowl2, other),
        ];
    }

    private static TaskSpec Task(string instruction, Start target, Start other)
    {
        var arena = TableArena.Main;
        var placements = Scene(target, other, drawerOpen: target is OnSite { Kind: BowlSupport.TopDrawer });
        // Tall things the outer finger could come down on; the plate and the box are lower than the fingertips.
        IScenePart[] neighbours = target.Support == BowlSupport.Table ? [Bowl2, Ramekin, Cabinet] : [Bowl2, Ramekin];
        return new(Name, instruction.Replace(' ', '-'), instruction, Horizon, RobotKind.Panda, arena.Build, placements, new On(Target, PlateName))
        {
            WorkspaceOffset = arena.WorkspaceOffset,
            TrackedObjects = [Target, PlateName],
            Expert = LiberoSpatialExperts.BowlOnPlate(Bowl1, PlateName, target.Support, Cabinet, neighbours),
        };
    }

    public static IReadOnlyList<TaskSpec> Tasks() =>
    [
        Task("pick up the black bowl between the plate and the ramekin and place it on the plate", BetweenPlateAndRamekin, NextToRamekin),
        Task("pick up the black bowl next to the ramekin and place it on the plate", NextToRamekin, NextToBox),
        Task("pick up the black bowl from table center and place it on the plate", TableCenter, NextToPlate),
        Task("pick up the black bowl on the cookie box and place it on the plate", OnCookies, OnCabinet),
        Task("pick up the black bowl in the top drawer of the wooden cabinet and place it on the plate", InTopDrawer, OnCabinet),
        Task("pick up the black bowl on the ramekin and place it on the plate", OnRamekin, OnCookies),
        Task("pick up the black bowl next to the cookie box and place it on the plate", NextToBox, OnStove),
        Task("pick up the black bowl on the stove and place it on the plate", OnStove, OnCabinet),
        Task("pick up the black bowl next to the plate and place it on the plate", NextToPlate, NextToRamekin),
        Task("pick up the black bowl on the wooden cabinet and place it on the plate", OnCabinet, OnStove),
    ];
}
