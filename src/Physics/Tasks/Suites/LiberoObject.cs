using RiptOrleans.Physics.Experts.Libero;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>
/// LIBERO-Object (spec A10.2): a basket and six grocery items on the floor in front of the Panda standing on it; each
/// task puts one item (the target) into the basket, the other five standing around as distractors. Every task has its
/// own fixed layout: the target at one of two floor spots, the distractors at the remaining five, in LIBERO's order.
/// </summary>
public static class LiberoObject
{
    public const string Name = "libero-object";

    /// <summary>OpenVLA-OFT's LIBERO-Object limit (spec A9).</summary>
    private const int Horizon = 280;

    /// <summary>
    /// The floor regions are 5 cm wide and LIBERO's sampler keeps an item's 2.5 cm radius inside, so items start at fixed
    /// points (the decoded init states agree, spec A8); the basket's start varies ±1.5 cm.
    /// </summary>
    private const double BasketJitter = 0.015;

    private const string BasketName = "basket_1";

    /// <summary>The two spots a target starts at (workspace frame = world xy on the floor).</summary>
    private static readonly (double X, double Y) Near = (-0.12, -0.24), Far = (0.05, -0.10);

    /// <summary>The other distractor spots, filled in the order the BDDL lists the distractors after the target's unused spot.</summary>
    private static readonly (double X, double Y)[] Slots = [(-0.15, 0.06), (0.10, -0.20), (0.15, 0.03), (-0.20, -0.08)];

    private static readonly Basket BasketPart = new(BasketName, new Rgba(0.62, 0.45, 0.25));

    /// <summary>HOPE items stand at yaw π (spec A5); cans are round, so their yaw only turns the label.</summary>
    private const double ItemYaw = Math.PI;

    private static TaskSpec Task(string target, (double X, double Y) spot, params string[] distractors)
    {
        var instruction = $"pick up the {target.Replace('_', ' ')} and place it in the basket";
        var other = spot == Near ? Far : Near;
        var targetPart = Groceries.Item(target);
        var placements = new List<Placement>
        {
            new(BasketPart, 0, 0.26, 0, BasketJitter),
            new(targetPart, spot.X, spot.Y, ItemYaw, 0),
        };
        (double X, double Y)[] slots = [other, .. Slots];
        placements.AddRange(distractors.Select((d, i) => new Placement(Groceries.Item(d), slots[i].X, slots[i].Y, ItemYaw, 0)));
        var neighbours = placements.Select(p => p.Part).Where(p => p.Name != targetPart.Name).ToArray();
        return new(Name, instruction.Replace(' ', '-'), instruction, Horizon, RobotKind.Panda, FloorArena.Build, placements,
            new In(targetPart.Name, BasketPart.ContainRegion, Basket.ContainHalfSize))
        {
            WorkspaceOffset = FloorArena.WorkspaceOffset,
            // The target and the basket: slot 1 is always the item to move, so one policy reads the suite's tasks alike.
            TrackedObjects = [targetPart.Name, BasketName],
            Expert = LiberoObjectExperts.ItemInBasket(targetPart, BasketPart, neighbours),
        };
    }

    public static IReadOnlyList<TaskSpec> Tasks() =>
    [
        Task("alphabet_soup", Near, "salad_dressing", "cream_cheese", "milk", "tomato_sauce", "butter"),
        Task("cream_cheese", Far, "alphabet_soup", "milk", "tomato_sauce", "butter", "orange_juice"),
        Task("salad_dressing", Far, "ketchup", "alphabet_soup", "cream_cheese", "milk", "tomato_sauce"),
        Task("bbq_sauce", Far, "chocolate_pudding", "ketchup", "salad_dressing", "alphabet_soup", "cream_cheese"),
        Task("ketchup", Near, "bbq_sauce", "salad_dressing", "alphabet_soup", "cream_cheese", "milk"),
        Task("tomato_sauce", Far, "milk", "butter", "orange_juice", "chocolate_pudding", "bbq_sauce"),
        Task("butter", Near, "tomato_sauce", "orange_juice", "chocolate_pudding", "bbq_sauce", "ketchup"),
        Task("milk", Near, "cream_cheese", "tomato_sauce", "butter", "orange_juice", "chocolate_pudding"),
        Task("chocolate_pudding", Near, "orange_juice", "bbq_sauce", "ketchup", "salad_dressing", "alphabet_soup"),
        Task("orange_juice", Far, "butter", "chocolate_pudding", "bbq_sauce", "ketchup", "salad_dressing"),
    ];
}
