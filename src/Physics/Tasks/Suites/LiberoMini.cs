using RiptOrleans.Physics.Experts.Libero;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>
/// The 16 LIBERO-90/LIBERO-10 tasks of the research spec's Part C: the RIPT paper's cross-scenario and cross-goal pairs
/// and two long-horizon tasks, on LIBERO's kitchen and living-room layouts (spec A10.5), rebuilt from primitives.
/// </summary>
public static class LiberoMini
{
    public const string Name = "libero-mini";

    /// <summary>LIBERO-90 regions are 5 x 5 cm: uniform ±2.5 cm around their centre (spec A5).</summary>
    private const double Jitter = 0.025;

    /// <summary>Control steps per episode (OpenVLA's LIBERO-90 limit; LIBERO-10 tasks get 520).</summary>
    private const int Horizon = 400, LongHorizon = 520;

    private static readonly (double Lo, double Hi) DrawerOpen = (-0.16, -0.14);

    // Object classes and their fixed yaw (spec A5: bowls and plates 90°, boxes 180°, mugs −90°).
    private static Placement Bowl(string name, double x, double y) => new(Vessel.BlackBowl(name), x, y, Math.PI / 2, Jitter);
    private static Placement Plate(string name, double x, double y) => new(Vessel.Plate(name), x, y, Math.PI / 2, Jitter);
    private static Placement Butter(string name, double x, double y) => new(new BoxObject(name, new(0.038, 0.020, 0.0085), Rgba.Yellow), x, y, Math.PI, Jitter);
    private static Placement Pudding(string name, double x, double y) => new(new BoxObject(name, new(0.040, 0.023, 0.0135), new Rgba(0.45, 0.25, 0.12)), x, y, Math.PI, Jitter);
    private static Placement Ketchup(string name, double x, double y) => new(new BoxObject(name, new(0.0185, 0.028, 0.072), Rgba.Red), x, y, Math.PI, Jitter);
    private static Placement Pan(string name, double x, double y) => new(Vessel.FryingPan(name), x, y, 0, Jitter);
    // The moka pot's radius is 0.033 rather than LIBERO's ~0.04: a 0.08 m cylinder leaves no room in the Panda's 0.08 m opening.
    private static Placement Moka(string name, double x, double y) => new(new CylinderObject(name, 0.033, 0.066, new Rgba(0.6, 0.6, 0.62)), x, y, 0, Jitter);
    private static Placement Mug(string name, Rgba color, double x, double y) => new(Vessel.Mug(name, color), x, y, -Math.PI / 2, Jitter);

    private static Placement Fixture(IScenePart part, double x, double y, double yaw, IReadOnlyDictionary<string, (double, double)>? joints = null) =>
        new(part, x, y, yaw, 0, Joints: joints);

    /// <summary>The part of a scene with this name (experts need its dimensions).</summary>
    private static T Part<T>(Placement[] scene, string name) where T : IScenePart => (T)scene.Single(p => p.Part.Name == name).Part;

    private static TaskSpec Task(string scene, string instruction, int horizon, TableArena arena, IPredicate goal, Placement[] placements,
        params string[] tracked) =>
        new(Name, $"{scene}-{instruction.Replace(' ', '-')}", instruction, horizon, RobotKind.Panda, arena.Build, placements, goal)
        {
            WorkspaceOffset = arena.WorkspaceOffset,
            TrackedObjects = tracked,
        };

    public static IReadOnlyList<TaskSpec> Tasks()
    {
        var kitchen = TableArena.Main;
        var living = TableArena.LivingRoom;
        var wood = new Cabinet("wooden_cabinet_1", Rgba.Wood);
        var white = new Cabinet("white_cabinet_1", new Rgba(0.92, 0.92, 0.9));
        var stove = new Stove("flat_stove_1");

        // KITCHEN_SCENE10: wooden cabinet on the right (y = −0.30, yaw π) with its top drawer open. The bowl's region is
        // moved from LIBERO's (−0.10, 0) to (−0.12, 0.045): at y = 0 the bowl can start partly under the open drawer
        // (its front reaches y = −0.033), where no top-down grasp fits the 20 cm Panda hand between drawer and bowl;
        // the extra 2 cm in x leave the pudding room to be placed beside it.
        Placement[] scene10 =
        [
            Fixture(wood, 0, -0.30, Math.PI, new Dictionary<string, (double, double)> { [wood.Joint("top")] = DrawerOpen }),
            Bowl("akita_black_bowl_1", -0.12, 0.045), Butter("butter_1", 0, 0.20), Butter("butter_2", -0.10, 0.20),
            Pudding("chocolate_pudding_1", 0, 0.05),
        ];
        // KITCHEN_SCENE5: the same cabinet mirrored on the left (y = +0.30, yaw 0), top drawer open.
        Placement[] scene5 =
        [
            Fixture(white, 0, 0.30, 0, new Dictionary<string, (double, double)> { [white.Joint("top")] = DrawerOpen }),
            Bowl("akita_black_bowl_1", 0.03, -0.05), Ketchup("ketchup_1", -0.10, -0.10), Plate("plate_1", -0.05, -0.25),
        ];
        // KITCHEN_SCENE1 with the bowl's region moved from LIBERO's (0, 0) to (0, 0.03): opened past −0.14 the bottom
        // drawer reaches y = −0.053 and shoves a bowl starting at y < 0 up into the hand pulling it, which then stalls.
        Placement[] scene1 = [Fixture(wood, 0, -0.30, Math.PI), Bowl("akita_black_bowl_1", 0, 0.03), Plate("plate_1", 0, 0.25)];
        Placement[] scene2 =
        [
            Fixture(wood, 0, -0.30, Math.PI), Bowl("akita_black_bowl_1", 0.10, 0.15), Bowl("akita_black_bowl_2", -0.05, 0.20),
            Bowl("akita_black_bowl_3", -0.15, 0.05), Plate("plate_1", 0, 0),
        ];
        Placement[] scene9 =
        [
            Fixture(stove, -0.20, 0.30, 0), Fixture(new StaticBlock("wooden_two_layer_shelf_1", new(0.176, 0.095, 0.105), Rgba.Wood), 0, -0.25, Math.PI),
            Pan("chefmate_8_frypan_1", 0.05, 0), new(Vessel.Bowl("white_bowl_1", 0.027, 0.04, 0.034, Rgba.White), -0.15, 0.10, Math.PI / 2, Jitter),
        ];
        Placement[] scene3 = [Fixture(stove, -0.20, 0.20, 0), Pan("chefmate_8_frypan_1", -0.05, -0.25), Moka("moka_pot_1", 0.05, 0)];
        var left = new TableRegion("plate_left_region", new(0.05, 0.05, 0.005));
        var right = new TableRegion("plate_right_region", new(0.05, 0.05, 0.005));
        Placement[] living6 =
        [
            Plate("plate_1", 0.15, 0), Mug("porcelain_mug_1", Rgba.White, -0.10, -0.15), Pudding("chocolate_pudding_1", -0.05, 0.10),
            Mug("red_coffee_mug_1", Rgba.Red, -0.20, 0), Fixture(left, 0.15, -0.10, 0), Fixture(right, 0.15, 0.10, 0),
        ];

        IPredicate top(Cabinet c) => JointState.Closed(c.Joint("top"));
        IPredicate inTop(string o, Cabinet c) => new In(o, c.Region("top"), Cabinet.RegionHalfSize);
        IPredicate panOnStove = new OnRegion("chefmate_8_frypan_1", stove.CookRegion, Stove.CookRegionHalfSize, stove.Name);
        IPredicate stoveOn = JointState.TurnedOn(stove.KnobJoint);
        IPredicate puddingRight = new OnRegion("chocolate_pudding_1", right.Name, right.HalfSize);

        return
        [
            Task("kitchen-scene10", "close the top drawer of the cabinet", Horizon, kitchen, top(wood), scene10, "akita_black_bowl_1")
                with { Expert = LiberoExperts.CloseDrawer(wood, Math.PI, "top") },
            Task("kitchen-scene5", "close the top drawer of the cabinet", Horizon, kitchen, top(white), scene5, "akita_black_bowl_1")
                with { Expert = LiberoExperts.CloseDrawer(white, 0, "top") },
            Task("kitchen-scene10", "put the black bowl in the top drawer of the cabinet", Horizon, kitchen, inTop("akita_black_bowl_1", wood), scene10, "akita_black_bowl_1")
                with { Expert = LiberoExperts.VesselInDrawer(Part<Vessel>(scene10, "akita_black_bowl_1"), wood, Math.PI, "top") },
            Task("kitchen-scene5", "put the black bowl in the top drawer of the cabinet", Horizon, kitchen, inTop("akita_black_bowl_1", white), scene5, "akita_black_bowl_1")
                with { Expert = LiberoExperts.VesselInDrawer(Part<Vessel>(scene5, "akita_black_bowl_1"), white, 0, "top", side: 0) },
            Task("kitchen-scene10", "put the butter at the front in the top drawer of the cabinet and close it", Horizon, kitchen,
                new All(inTop("butter_1", wood), top(wood)), scene10, "butter_1")
                with { Expert = LiberoExperts.BoxInDrawerAndClose(Part<BoxObject>(scene10, "butter_1"), wood, Math.PI, "top") },
            Task("kitchen-scene10", "put the butter at the back in the top drawer of the cabinet and close it", Horizon, kitchen,
                new All(inTop("butter_2", wood), top(wood)), scene10, "butter_2")
                with { Expert = LiberoExperts.BoxInDrawerAndClose(Part<BoxObject>(scene10, "butter_2"), wood, Math.PI, "top") },
            Task("kitchen-scene1", "open the top drawer of the cabinet", Horizon, kitchen, JointState.Open(wood.Joint("top")), scene1)
                with { Expert = LiberoExperts.OpenDrawer(wood, Math.PI, "top") },
            Task("kitchen-scene1", "open the bottom drawer of the cabinet", Horizon, kitchen, JointState.Open(wood.Joint("bottom")), scene1)
                with { Expert = LiberoExperts.OpenDrawer(wood, Math.PI, "bottom") },
            Task("kitchen-scene2", "put the black bowl at the front on the plate", Horizon, kitchen, new On("akita_black_bowl_1", "plate_1"), scene2,
                "akita_black_bowl_1", "plate_1")
                with { Expert = LiberoExperts.VesselOnPlate(Part<Vessel>(scene2, "akita_black_bowl_1"), "plate_1", 0.15,
                    Part<Vessel>(scene2, "akita_black_bowl_2"), Part<Vessel>(scene2, "akita_black_bowl_3")) },
            Task("kitchen-scene2", "put the black bowl at the back on the plate", Horizon, kitchen, new On("akita_black_bowl_3", "plate_1"), scene2,
                "akita_black_bowl_3", "plate_1")
                with { Expert = LiberoExperts.VesselOnPlate(Part<Vessel>(scene2, "akita_black_bowl_3"), "plate_1", 0.15,
                    Part<Vessel>(scene2, "akita_black_bowl_1"), Part<Vessel>(scene2, "akita_black_bowl_2")) },
            Task("kitchen-scene9", "turn on the stove and put the frying pan on it", Horizon, kitchen, new All(stoveOn, panOnStove), scene9, "chefmate_8_frypan_1")
                with { Expert = LiberoExperts.StoveOnThenPanOnIt(stove, Part<Vessel>(scene9, "chefmate_8_frypan_1")) },
            Task("kitchen-scene3", "turn on the stove and put the frying pan on it", Horizon, kitchen, new All(stoveOn, panOnStove), scene3, "chefmate_8_frypan_1")
                with { Expert = LiberoExperts.StoveOnThenPanOnIt(stove, Part<Vessel>(scene3, "chefmate_8_frypan_1")) },
            Task("kitchen-scene3", "turn on the stove and put the moka pot on it", LongHorizon, kitchen,
                new All(stoveOn, new OnRegion("moka_pot_1", stove.CookRegion, Stove.CookRegionHalfSize, stove.Name)), scene3, "moka_pot_1")
                with { Expert = LiberoExperts.StoveOnThenPotOnIt(stove, Part<CylinderObject>(scene3, "moka_pot_1")) },
            Task("living-room-scene6", "put the chocolate pudding to the right of the plate", Horizon, living, puddingRight, living6, "chocolate_pudding_1", "plate_1")
                with { Expert = LiberoExperts.BoxToRegion(Part<BoxObject>(living6, "chocolate_pudding_1"), right.Name, 0.15) },
            Task("living-room-scene6", "put the chocolate pudding to the left of the plate", Horizon, living,
                new OnRegion("chocolate_pudding_1", left.Name, left.HalfSize), living6, "chocolate_pudding_1", "plate_1")
                with { Expert = LiberoExperts.BoxToRegion(Part<BoxObject>(living6, "chocolate_pudding_1"), left.Name, 0.15) },
            Task("living-room-scene6", "put the white mug on the plate and put the chocolate pudding to the right of the plate", LongHorizon, living,
                new All(new On("porcelain_mug_1", "plate_1"), puddingRight), living6, "porcelain_mug_1", "chocolate_pudding_1", "plate_1")
                with { Expert = LiberoExperts.MugOnPlateThenBoxToRegion(Part<Vessel>(living6, "porcelain_mug_1"), "plate_1",
                    Part<BoxObject>(living6, "chocolate_pudding_1"), right.Name) },
        ];
    }

    /// <summary>The paper's transfer pairs over this suite (RIPT §5.4, §5.5; spec A11).</summary>
    public static IReadOnlyList<Experiment> Experiments { get; } =
    [
        new("scenario-close-top-drawer", "cross-scenario", $"{Name}/kitchen-scene10-close-the-top-drawer-of-the-cabinet", $"{Name}/kitchen-scene5-close-the-top-drawer-of-the-cabinet"),
        new("scenario-bowl-in-top-drawer", "cross-scenario", $"{Name}/kitchen-scene10-put-the-black-bowl-in-the-top-drawer-of-the-cabinet", $"{Name}/kitchen-scene5-put-the-black-bowl-in-the-top-drawer-of-the-cabinet"),
        new("scenario-stove-and-pan", "cross-scenario", $"{Name}/kitchen-scene9-turn-on-the-stove-and-put-the-frying-pan-on-it", $"{Name}/kitchen-scene3-turn-on-the-stove-and-put-the-frying-pan-on-it"),
        new("goal-butter-front-to-back", "cross-goal", $"{Name}/kitchen-scene10-put-the-butter-at-the-front-in-the-top-drawer-of-the-cabinet-and-close-it", $"{Name}/kitchen-scene10-put-the-butter-at-the-back-in-the-top-drawer-of-the-cabinet-and-close-it"),
        new("goal-top-to-bottom-drawer", "cross-goal", $"{Name}/kitchen-scene1-open-the-top-drawer-of-the-cabinet", $"{Name}/kitchen-scene1-open-the-bottom-drawer-of-the-cabinet"),
        new("goal-bowl-front-to-back", "cross-goal", $"{Name}/kitchen-scene2-put-the-black-bowl-at-the-front-on-the-plate", $"{Name}/kitchen-scene2-put-the-black-bowl-at-the-back-on-the-plate"),
        new("goal-pudding-right-to-left", "cross-goal", $"{Name}/living-room-scene6-put-the-chocolate-pudding-to-the-right-of-the-plate", $"{Name}/living-room-scene6-put-the-chocolate-pudding-to-the-left-of-the-plate"),
    ];
}
