using RiptOrleans.Physics.Experts.Libero;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>
/// LIBERO-Goal (spec A10.3): ten goals in one main-table layout (a cabinet, a stove and a wine rack; a bowl, a cream
/// cheese box, a wine bottle and a plate), rebuilt from primitives. Only the goal and the instruction differ between tasks.
/// </summary>
public static class LiberoGoal
{
    public const string Name = "libero-goal";

    /// <summary>Control steps per episode (OpenVLA's LIBERO-Goal limit, spec A9).</summary>
    private const int Horizon = 300;

    /// <summary>Main-table regions are 2 cm wide: the sampler's effective jitter is ±1.5 cm (spec A5, A8).</summary>
    private const double Jitter = 0.015;

    /// <summary>The cream cheese's decoded start range is 4 cm wide (spec A8): its smaller radius leaves it ±2 cm.</summary>
    private const double CreamCheeseJitter = 0.02;

    private const string Bowl = "akita_black_bowl_1", CreamCheese = "cream_cheese_1", Bottle = "wine_bottle_1", Plate = "plate_1";

    private static readonly Cabinet Cabinet = new("wooden_cabinet_1", Rgba.Wood);
    private static readonly Stove Stove = new("flat_stove_1");
    private static readonly WineRack Rack = new("wine_rack_1", new Rgba(0.36, 0.22, 0.12));

    /// <summary>
    /// "The front of the stove" (x ∈ [−0.09, −0.01], y ∈ [0.17, 0.25]). LIBERO's zone is 7 mm half-high with its centre
    /// 5 mm under the surface; ours sits at the surface with a 2.5 mm half height, which gives the same On window
    /// (−3 mm to +10 cm about the surface, within 0.5 mm) without a placement below the table.
    /// </summary>
    private static readonly TableRegion StoveFront = new("stove_front_region", new(0.04, 0.04, 0.0025));

    private static readonly Vessel BowlPart = Vessel.BlackBowl(Bowl);
    private static readonly Vessel PlatePart = Vessel.Plate(Plate);
    private static readonly BoxObject CreamCheesePart = new(CreamCheese, new(0.041, 0.021, 0.009), new Rgba(0.85, 0.85, 0.8));
    private static readonly WineBottle BottlePart = new(Bottle, new Rgba(0.1, 0.25, 0.12));

    /// <summary>
    /// What the bowl's grasp must keep clear of: the box and the bottle beside it, and the cabinet, whose 0.17 m radius
    /// rules out reaching from −y, where the 20 cm hand would lie along the cabinet's side.
    /// </summary>
    private static readonly IScenePart[] Neighbours = [CreamCheesePart, BottlePart, Cabinet];

    private static Placement Fixture(IScenePart part, double x, double y, double yaw) => new(part, x, y, yaw, 0);

    /// <summary>The one layout (spec A10.3 regions; bowls and plates at 90°, HOPE boxes at 180°).</summary>
    private static readonly Placement[] Scene =
    [
        Fixture(Cabinet, 0.03, -0.24, Math.PI), Fixture(Stove, -0.41, 0.21, 0), Fixture(Rack, -0.26, -0.26, Math.PI),
        new(BowlPart, -0.09, 0, Math.PI / 2, Jitter), new(CreamCheesePart, -0.05, 0.13, Math.PI, CreamCheeseJitter),
        new(BottlePart, -0.20, -0.05, 0, Jitter), new(PlatePart, 0.05, -0.02, Math.PI / 2, Jitter),
        Fixture(StoveFront, -0.05, 0.21, 0),
    ];

    private static TaskSpec Task(string instruction, IPredicate goal) =>
        new(Name, instruction.Replace(' ', '-'), instruction, Horizon, RobotKind.Panda, TableArena.Main.Build, Scene, goal)
        {
            WorkspaceOffset = TableArena.Main.WorkspaceOffset,
            // Every task observes every object, so one policy reads the same state layout across the suite.
            TrackedObjects = [Bowl, CreamCheese, Bottle, Plate],
        };

    public static IReadOnlyList<TaskSpec> Tasks()
    {
        var onCabinet = (string o) => new OnRegion(o, Cabinet.TopSide, Cabinet.TopSideHalfSize, Cabinet.Name);
        return
        [
            Task("open the middle drawer of the cabinet", JointState.Open(Cabinet.Joint("middle")))
                with { Expert = LiberoExperts.OpenDrawer(Cabinet, Math.PI, "middle") },
            Task("put the bowl on the stove", new OnRegion(Bowl, Stove.CookRegion, Stove.CookRegionHalfSize, Stove.Name))
                with { Expert = LiberoGoalExperts.VesselToSite(BowlPart, Stove.CookRegion, 0.15, Neighbours) },
            Task("put the wine bottle on top of the cabinet", onCabinet(Bottle))
                with { Expert = LiberoGoalExperts.BottleUpright(BottlePart, Cabinet.TopSide) },
            // LIBERO's goal is only In(bowl, top drawer): the drawer starts closed and has to be opened on the way.
            Task("open the top drawer and put the bowl inside", new In(Bowl, Cabinet.Region("top"), Cabinet.RegionHalfSize))
                with { Expert = LiberoGoalExperts.OpenDrawerThenVesselInside(BowlPart, Cabinet, Math.PI, "top") },
            Task("put the bowl on top of the cabinet", onCabinet(Bowl))
                with { Expert = LiberoGoalExperts.VesselToSite(BowlPart, Cabinet.TopSide, 0.32, Neighbours) },
            Task("push the plate to the front of the stove", new OnRegion(Plate, StoveFront.Name, StoveFront.HalfSize))
                with { Expert = LiberoGoalExperts.PushPlate(PlatePart, StoveFront, CreamCheesePart) },
            Task("put the cream cheese in the bowl", new On(CreamCheese, Bowl))
                with { Expert = LiberoGoalExperts.BoxIntoVessel(CreamCheesePart, Bowl) },
            Task("turn on the stove", JointState.TurnedOn(Stove.KnobJoint))
                with { Expert = LiberoGoalExperts.TurnOnStove(Stove) },
            Task("put the bowl on the plate", new On(Bowl, Plate))
                with { Expert = LiberoExperts.VesselOnPlate(BowlPart, Plate, 0.15, Neighbours) },
            Task("put the wine bottle on the rack", new OnRegion(Bottle, Rack.TopRegion, WineRack.TopRegionHalfSize, Rack.Name))
                with { Expert = LiberoGoalExperts.BottleOnRack(BottlePart, Rack, Math.PI) },
        ];
    }

    /// <summary>
    /// Cross-goal pairs within LIBERO-Goal's one scene (RIPT §5.5 pairs LIBERO-90 goals that share a skill): each pair
    /// keeps the object and the grasp and changes only where it goes, so the source's skill transfers and the target's
    /// few demos only have to teach the new place. The bowl: stove → plate (two low supports on the table), plate →
    /// top of the cabinet (same grasp, a higher lift); the wine bottle: top of the cabinet → the rack (an upright
    /// bottle onto a raised support). Goals that need another skill (drawers, the knob, pushing) are left out.
    /// </summary>
    public static IReadOnlyList<Experiment> Experiments { get; } =
    [
        new("goal-bowl-stove-to-plate", "cross-goal", $"{Name}/put-the-bowl-on-the-stove", $"{Name}/put-the-bowl-on-the-plate"),
        new("goal-bowl-plate-to-cabinet-top", "cross-goal", $"{Name}/put-the-bowl-on-the-plate", $"{Name}/put-the-bowl-on-top-of-the-cabinet"),
        new("goal-bottle-cabinet-to-rack", "cross-goal", $"{Name}/put-the-wine-bottle-on-top-of-the-cabinet", $"{Name}/put-the-wine-bottle-on-the-rack"),
    ];
}
