using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Experts.MetaWorld;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>
/// MetaWorld's 50 tasks (spec B1) on the Sawyer hand rig, each its own scene rebuilt from primitives with MetaWorld's
/// ranges (the object and goal boxes of its rand_vec), hand start and success test (spec B2, B3). Every task observes
/// the same fields, fully (the goal included, as QueST and RIPT set it): the hand and claws, the main object's pose,
/// a second object's pose (a fixture's, or <see cref="NoObject"/> at the origin) and the goal's.
/// </summary>
public static partial class MetaWorld
{
    public const string Name = "metaworld";

    /// <summary>MetaWorld's max_path_length.</summary>
    public const int Horizon = 500;

    /// <summary>A body at the origin with no geometry, observed where a task has no second object (MetaWorld's zeros).</summary>
    public const string NoObject = "no_object";

    public const string Goal = "goal";

    /// <summary>ML45 as QueST and RIPT split it (ML45_PRISE, spec B1): these five are the test tasks, the other 45 train.</summary>
    public static readonly string[] Ml45Test = ["box-close", "disassemble", "hand-insert", "pick-place-wall", "stick-pull"];

    /// <summary>The named subsets of MT50: ml45-train and ml45-test.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Splits => new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["ml45-train"] = Order.Where(t => !Ml45Test.Contains(t)).ToArray(),
        ["ml45-test"] = Ml45Test,
    };

    /// <summary>MetaWorld's 50 tasks in MT50 order (env_dict, spec B1).</summary>
    public static readonly string[] Order =
    [
        "assembly", "basketball", "bin-picking", "box-close", "button-press-topdown", "button-press-topdown-wall", "button-press",
        "button-press-wall", "coffee-button", "coffee-pull", "coffee-push", "dial-turn", "disassemble", "door-close", "door-lock", "door-open",
        "door-unlock", "drawer-close", "drawer-open", "faucet-close", "faucet-open", "hammer", "hand-insert", "handle-press-side",
        "handle-press", "handle-pull", "handle-pull-side", "peg-insert-side", "lever-pull", "peg-unplug-side", "pick-out-of-hole",
        "pick-place", "pick-place-wall", "plate-slide-back-side", "plate-slide-back", "plate-slide-side", "plate-slide", "reach",
        "reach-wall", "push-back", "push", "push-wall", "shelf-place", "soccer", "stick-pull", "stick-push", "sweep-into", "sweep",
        "window-close", "window-open",
    ];

    private static readonly Vec3 DefaultHand = new(0, 0.6, 0.2);

    private static readonly Surface Pinchable = MetaWorldArena.Pinchable;

    private static readonly GoalMarker GoalPart = new(Goal);

    /// <summary>MetaWorld's puck: cylinder r 0.02, half-height 0.02, 0.75 kg.</summary>
    private static CylinderObject Puck(string name = "obj") => new(name, 0.02, 0.02, new Rgba(0.75, 0.15, 0.1), Mass: 0.75, Contact: Pinchable);

    /// <summary>MetaWorld's 4 cm wooden block, about 0.1 kg.</summary>
    private static BoxObject Block(string name = "obj") => new(name, new(0.02, 0.02, 0.02), new Rgba(0.6, 0.42, 0.25), Density: 1500, Contact: Pinchable);

    /// <summary>One task: its scene, the sampler of its rand_vec, what it observes, its goal and its expert.</summary>
    private sealed record Def(string Task, string Instruction, Placement[] Parts, IInitSampler Sampler, IPredicate Success,
        Func<TaskModel, IExpert> Expert, string Observed, string? Second = null, Vec3? Hand = null, MetaWorldArena.Hole? Hole = null);

    private static TaskSpec Build(Def d)
    {
        var hand = d.Hand ?? DefaultHand;
        return new TaskSpec(Name, d.Task, d.Instruction, Horizon, RobotKind.Sawyer, scene =>
        {
            MetaWorldArena.Build(scene, hand, d.Hole);
            scene.World.Body(NoObject, Vec3.Zero);
        }, d.Parts, d.Success)
        {
            WorkspaceOffset = Vec3.Zero,
            HandStart = hand,
            Sampler = d.Sampler,
            TrackedObjects = [d.Observed, d.Second ?? NoObject, Goal],
            SettleSteps = 20,
            Expert = d.Expert,
        };
    }

    /// <summary>A part built at a nominal pose; the task's sampler moves it where each context says.</summary>
    private static Placement At(IScenePart part, double x = 0, double y = 0.6) => new(part, x, y, Jitter: 0);

    private static BoxInitSampler.Range Box(string body, double x0, double y0, double z0, double x1, double y1, double z1, string? relativeTo = null) =>
        new(body, new(x0, y0, z0), new(x1, y1, z1), relativeTo);

    /// <summary>A goal marker at a fixed offset from a sampled body (a fixture's target point).</summary>
    private static BoxInitSampler.Range GoalAt(string body, Vec3 offset) => new(Goal, offset, offset, body);

    public static IReadOnlyList<TaskSpec> Tasks()
    {
        var defs = PuckTasks().Concat(ArticulatedTasks()).Concat(ToolTasks()).ToDictionary(d => d.Task, StringComparer.Ordinal);
        if (defs.Count != Order.Length || Order.Any(t => !defs.ContainsKey(t)))
            throw new InvalidOperationException($"metaworld defines [{string.Join(", ", defs.Keys.Order())}], not MT50's 50 tasks");
        return Order.Select(t => Build(defs[t])).ToList();
    }
}
