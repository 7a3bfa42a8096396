using RiptOrleans.Physics.Experts.Libero;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>
/// LIBERO-10, "LIBERO-Long" (spec A10.4): ten two-step tasks in LIBERO-100 scenes — two items into a basket, a bowl into
/// a drawer that is then closed, two mugs onto two plates, a book into a caddy, a mug into a microwave that is then
/// closed, two moka pots onto a stove — on the kitchen, living-room and study tables. The two tasks libero-mini already
/// has (KITCHEN_SCENE3's moka pot, LIVING_ROOM_SCENE6's mug and pudding) are its scenes, goals and experts.
/// </summary>
public static class LiberoTen
{
    public const string Name = "libero-10";

    /// <summary>OpenVLA-OFT's LIBERO-10 limit (spec A9).</summary>
    private const int Horizon = 520;

    /// <summary>LIBERO-100 regions are 5 x 5 cm and sampled without shrinking: ±2.5 cm (spec A5).</summary>
    private const double Jitter = 0.025;

    /// <summary>2 cm regions (the basket's, a fixture's) give ±1 cm.</summary>
    private const double SmallJitter = 0.01;

    private static readonly (double Lo, double Hi) DrawerOpen = (-0.16, -0.14);

    /// <summary>LIBERO's init "Open" range for the microwave door (spec A6.2).</summary>
    private static readonly (double Lo, double Hi) MicrowaveOpen = (-2.094, -1.3);

    /// <summary>LIBERO's init "Turnon" range for the stove knob (spec A6.2).</summary>
    private static readonly (double Lo, double Hi) StoveOn = (0.5, 2.1);

    // Object classes at their fixed yaws (spec A5: bowls and plates 90°, HOPE items 180°, mugs −90°).
    private static Placement Item(string category, double x, double y) => new(Groceries.Item(category), x, y, Math.PI, Jitter);
    private static Placement Bowl(string name, double x, double y) => new(Vessel.BlackBowl(name), x, y, Math.PI / 2, Jitter);
    private static Placement Plate(string name, double x, double y) => new(Vessel.Plate(name), x, y, Math.PI / 2, Jitter);
    private static Placement Mug(Vessel mug, double x, double y) => new(mug, x, y, -Math.PI / 2, Jitter);
    // As libero-mini's moka pot: r 0.033 fits the Panda's 8 cm opening.
    private static Placement Moka(string name, double x, double y) => new(new CylinderObject(name, 0.033, 0.066, new Rgba(0.6, 0.6, 0.62)), x, y, 0, Jitter);

    private static Placement Fixture(IScenePart part, double x, double y, double yaw, IReadOnlyDictionary<string, (double, double)>? joints = null) =>
        new(part, x, y, yaw, 0, Joints: joints);

    private static T Part<T>(IEnumerable<Placement> scene, string name) where T : IScenePart => (T)scene.Single(p => p.Part.Name == name).Part;

    private static IScenePart[] Others(IEnumerable<Placement> scene, params string[] names) =>
        scene.Select(p => p.Part).Where(p => p.IsFree && !names.Contains(p.Name)).ToArray();

    /// <summary>
    /// A libero-10 task of its own (not one of libero-mini's, whose models stay as they were). The basket scenes have some
    /// 40 contacts: MuJoCo's sparse constraint Jacobian steps them 40 % faster than the dense one its "auto" picks below
    /// 60 dofs (the same solver; only rounding differs), and costs nothing elsewhere.
    /// </summary>
    private static TaskSpec Task(string scene, string instruction, TableArena arena, IPredicate goal, Placement[] placements, params string[] tracked) =>
        new(Name, $"{scene}-{instruction.Replace(' ', '-')}", instruction, Horizon, RobotKind.Panda, s =>
        {
            arena.Build(s);
            s.Option("jacobian", "sparse");
        }, placements, goal)
        {
            WorkspaceOffset = arena.WorkspaceOffset,
            TrackedObjects = tracked,
        };

    public static readonly Basket BasketPart = new("basket_1", new Rgba(0.62, 0.45, 0.25));
    public static readonly Vessel WhiteMug = Vessel.Mug("porcelain_mug_1", Rgba.White);
    public static readonly Vessel YellowWhiteMug = Vessel.Mug("white_yellow_mug_1", new Rgba(0.95, 0.85, 0.35));
    public static readonly Vessel RedMug = Vessel.Mug("red_coffee_mug_1", Rgba.Red);

    public static IReadOnlyList<TaskSpec> Tasks()
    {
        var living = TableArena.LivingRoom;
        var kitchen = TableArena.Main;
        var study = TableArena.Study;
        var basket = new Placement(BasketPart, 0, 0.26, 0, SmallJitter);
        IPredicate inBasket(string item) => new In(item, BasketPart.ContainRegion, Basket.ContainHalfSize);

        // LIVING_ROOM_SCENE2 and SCENE1 (spec A10.5), items at yaw π.
        Placement[] living2 =
        [
            basket, Item("milk", 0.05, -0.10), Item("cream_cheese", 0.10, -0.20), Item("orange_juice", 0, -0.25), Item("tomato_sauce", -0.10, 0.05),
            Item("alphabet_soup", -0.10, -0.15), Item("butter", 0.05, 0.05), Item("ketchup", -0.25, -0.15),
        ];
        Placement[] living1 =
        [
            basket, Item("alphabet_soup", 0.05, -0.10), Item("cream_cheese", -0.15, 0.06), Item("tomato_sauce", 0.10, -0.20), Item("ketchup", -0.20, -0.15),
        ];

        // KITCHEN_SCENE4: the white cabinet on the left (yaw 0, drawers toward −y) with its bottom drawer open.
        var white = new Cabinet("white_cabinet_1", new Rgba(0.92, 0.92, 0.9));
        var rack = new WineRack("wine_rack_1", new Rgba(0.36, 0.22, 0.12));
        Placement[] kitchen4 =
        [
            Fixture(white, 0, 0.30, 0, new Dictionary<string, (double, double)> { [white.Joint("bottom")] = DrawerOpen }),
            Fixture(rack, -0.10, -0.30, Math.PI), Bowl("akita_black_bowl_1", 0.03, -0.05), new(new WineBottle("wine_bottle_1", new Rgba(0.1, 0.25, 0.12)), -0.15, 0.05, 0, Jitter),
        ];

        // LIVING_ROOM_SCENE5: two plates left and right, three mugs.
        Placement[] living5 =
        [
            Plate("plate_1", 0, -0.30), Plate("plate_2", 0, 0.30), Mug(WhiteMug, -0.10, -0.15), Mug(YellowWhiteMug, -0.05, 0.10), Mug(RedMug, -0.20, 0),
        ];

        // STUDY_SCENE1 (its BDDL): the caddy turned by π, a black book standing at a yaw in [−90°, −45°], a mug.
        var caddy = new DeskCaddy("desk_caddy_1", new Rgba(0.35, 0.3, 0.28));
        var book = Book.Black("black_book_1");
        Placement[] study1 =
        [
            Fixture(caddy, -0.20, -0.14, Math.PI), new(book, 0, 0.15, -3 * Math.PI / 8, Jitter) { YawRange = (-Math.PI / 2, -Math.PI / 4) },
            Mug(YellowWhiteMug, 0.10, 0),
        ];

        // KITCHEN_SCENE6: the microwave on the left, open, facing −y.
        var microwave = new Microwave("microwave_1", new Rgba(0.85, 0.85, 0.87));
        Placement[] kitchen6 =
        [
            Fixture(microwave, 0, 0.35, 0, new Dictionary<string, (double, double)> { [microwave.DoorJoint] = MicrowaveOpen }),
            Mug(YellowWhiteMug, 0, 0), Mug(WhiteMug, -0.10, -0.25),
        ];

        // KITCHEN_SCENE8: the stove on the right, already on, and two moka pots.
        var stove = new Stove("flat_stove_1");
        Placement[] kitchen8 =
        [
            Fixture(stove, -0.20, -0.20, 0, new Dictionary<string, (double, double)> { [stove.KnobJoint] = StoveOn }),
            Moka("moka_pot_1", -0.05, 0.25), Moka("moka_pot_2", 0.05, 0.05),
        ];
        IPredicate onStove(string pot) => new OnRegion(pot, stove.CookRegion, Stove.CookRegionHalfSize, stove.Name);

        var mini = LiberoMini.Tasks();
        TaskSpec fromMini(string name) => mini.Single(t => t.Name == name) with { Suite = Name };

        return
        [
            Task("living-room-scene2", "put both the alphabet soup and the tomato sauce in the basket", living,
                new All(inBasket("alphabet_soup_1"), inBasket("tomato_sauce_1")), living2, "alphabet_soup_1", "tomato_sauce_1", BasketPart.Name)
                with { Expert = LiberoObjectExperts.ItemsInBasket([Part<IScenePart>(living2, "alphabet_soup_1"), Part<IScenePart>(living2, "tomato_sauce_1")], BasketPart, Others(living2)) },
            Task("living-room-scene2", "put both the cream cheese box and the butter in the basket", living,
                new All(inBasket("cream_cheese_1"), inBasket("butter_1")), living2, "cream_cheese_1", "butter_1", BasketPart.Name)
                with { Expert = LiberoObjectExperts.ItemsInBasket([Part<IScenePart>(living2, "cream_cheese_1"), Part<IScenePart>(living2, "butter_1")], BasketPart, Others(living2)) },
            fromMini("kitchen-scene3-turn-on-the-stove-and-put-the-moka-pot-on-it"),
            Task("kitchen-scene4", "put the black bowl in the bottom drawer of the cabinet and close it", kitchen,
                new All(JointState.Closed(white.Joint("bottom")), new In("akita_black_bowl_1", white.Region("bottom"), Cabinet.RegionHalfSize)), kitchen4,
                "akita_black_bowl_1")
                with { Expert = LiberoLongExperts.VesselInDrawerAndClose(Part<Vessel>(kitchen4, "akita_black_bowl_1"), white, 0, "bottom", Others(kitchen4, "akita_black_bowl_1")) },
            Task("living-room-scene5", "put the white mug on the left plate and put the yellow and white mug on the right plate", living,
                new All(new On(WhiteMug.Name, "plate_1"), new On(YellowWhiteMug.Name, "plate_2")), living5, WhiteMug.Name, YellowWhiteMug.Name, "plate_1", "plate_2")
                with { Expert = LiberoLongExperts.VesselsOnPlates([(WhiteMug, "plate_1"), (YellowWhiteMug, "plate_2")], [RedMug]) },
            Task("study-scene1", "pick up the book and place it in the back compartment of the caddy", study,
                new In(book.Name, caddy.Region("back"), DeskCaddy.BackHalfSize), study1, book.Name)
                with { Expert = LiberoLongExperts.BookInCaddy(book, caddy, "back", Math.PI) },
            fromMini("living-room-scene6-put-the-white-mug-on-the-plate-and-put-the-chocolate-pudding-to-the-right-of-the-plate"),
            Task("living-room-scene1", "put both the alphabet soup and the cream cheese box in the basket", living,
                new All(inBasket("alphabet_soup_1"), inBasket("cream_cheese_1")), living1, "alphabet_soup_1", "cream_cheese_1", BasketPart.Name)
                with { Expert = LiberoObjectExperts.ItemsInBasket([Part<IScenePart>(living1, "alphabet_soup_1"), Part<IScenePart>(living1, "cream_cheese_1")], BasketPart, Others(living1)) },
            Task("kitchen-scene8", "put both moka pots on the stove", kitchen,
                new All(onStove("moka_pot_1"), onStove("moka_pot_2"), JointState.TurnedOn(stove.KnobJoint)), kitchen8, "moka_pot_1", "moka_pot_2")
                with { Expert = LiberoLongExperts.PotsOnStove([Part<CylinderObject>(kitchen8, "moka_pot_1"), Part<CylinderObject>(kitchen8, "moka_pot_2")], stove) },
            Task("kitchen-scene6", "put the yellow and white mug in the microwave and close it", kitchen,
                new All(new In(YellowWhiteMug.Name, microwave.HeatingRegion, Microwave.HeatingRegionHalfSize), JointState.Closed(microwave.DoorJoint, -0.005)),
                kitchen6, YellowWhiteMug.Name)
                with { Expert = LiberoLongExperts.MugInMicrowaveAndClose(YellowWhiteMug, microwave, 0) },
        ];
    }
}
