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

/// <summary>MetaWorld-style tasks on the Sawyer hand (spec B2, B3): object and goal drawn per context, success by distance.</summary>
public static class MetaWorldMini
{
    public const string Name = "metaworld-mini";

    /// <summary>MetaWorld's max_path_length.</summary>
    public const int Horizon = 500;

    private static readonly Vec3 HandStart = new(0, 0.6, 0.2);

    private static readonly Surface Pinchable = MetaWorldArena.Pinchable;

    /// <summary>MetaWorld's puck: cylinder r 0.02, half-height 0.02, 0.75 kg.</summary>
    private static CylinderObject Puck() => new("obj", 0.02, 0.02, new Rgba(0.75, 0.15, 0.1), Mass: 0.75, Contact: Pinchable);

    private static TaskSpec Task(string name, string instruction, IPredicate goal, Placement[] placements, IInitSampler sampler, params string[] tracked) =>
        new(Name, name, instruction, Horizon, RobotKind.Sawyer, scene => MetaWorldArena.Build(scene, HandStart), placements, goal)
        {
            WorkspaceOffset = Vec3.Zero,
            HandStart = HandStart,
            Sampler = sampler,
            TrackedObjects = tracked,
            SettleSteps = 20,
        };

    public static IReadOnlyList<TaskSpec> Tasks()
    {
        var goal = new GoalMarker("goal");
        var drawer = new MetaWorldDrawer("drawer");
        var box = new MetaWorldBox("box");
        var lid = new BoxLid("lid", new Rgba(0.55, 0.35, 0.2), Contact: Pinchable);
        BoxInitSampler.Range puckRange = new("obj", new(-0.1, 0.6, 0.02), new(0.1, 0.7, 0.02));
        return
        [
            Task("reach", "reach the goal", new Near($"site:{SawyerHand.TcpSite}", "goal", 0.05),
                [new(Puck(), 0, 0.65, Jitter: 0), new(goal, 0, 0.85, Jitter: 0)],
                new BoxInitSampler([puckRange, new("goal", new(-0.1, 0.8, 0.05), new(0.1, 0.9, 0.3))], [new("obj", "goal", 0.15)]),
                "obj", "goal") with { Expert = task => new ReachExpert(task) },
            Task("push", "push the puck to the goal", new Near("obj", "goal", 0.05),
                [new(Puck(), 0, 0.65, Jitter: 0), new(goal, 0, 0.85, Jitter: 0)],
                new BoxInitSampler([puckRange, new("goal", new(-0.1, 0.8, 0.02), new(0.1, 0.9, 0.02))], [new("obj", "goal", 0.15)]),
                "obj", "goal") with { Expert = task => new PushExpert(task) },
            Task("pick-place", "pick and place the puck to the goal", new Near("obj", "goal", 0.07),
                [new(Puck(), 0, 0.65, Jitter: 0), new(goal, 0, 0.85, Jitter: 0)],
                new BoxInitSampler([puckRange, new("goal", new(-0.1, 0.8, 0.05), new(0.1, 0.9, 0.3))], [new("obj", "goal", 0.15)]),
                "obj", "goal") with { Expert = task => new PickPlaceExpert(task) },
            Task("drawer-open", "open the drawer", new Near($"site:{drawer.HandleSite}", $"site:{drawer.GoalSite}", 0.03),
                [new(drawer, 0, 0.9, Jitter: 0)],
                new BoxInitSampler([new("drawer", new(-0.1, 0.9, 0), new(0.1, 0.9, 0))]),
                drawer.Drawer, "drawer") with { Expert = task => new DrawerOpenExpert(task) },
            Task("box-close", "put the lid on the box", new Near("lid", $"site:{box.GoalSite}", 0.08),
                [new(lid, 0, 0.525, Jitter: 0), new(box, 0, 0.75, Jitter: 0)],
                new BoxInitSampler([new("lid", new(-0.05, 0.5, BoxLid.PlateHalfThickness), new(0.05, 0.55, BoxLid.PlateHalfThickness)),
                    new("box", new(-0.1, 0.7, 0), new(0.1, 0.8, 0))], [new("lid", "box", 0.25)]),
                "lid", "box") with { Expert = task => new BoxCloseExpert(task) },
        ];
    }
}
