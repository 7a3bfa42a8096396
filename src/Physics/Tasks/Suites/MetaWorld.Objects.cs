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

/// <summary>MetaWorld's tasks that move one loose object: reach, push, pick and place, with walls, shelves, bins, holes, a hoop and a goal net.</summary>
public static partial class MetaWorld
{
    private static readonly Rgba Brick = new(0.62, 0.3, 0.22);
    private static readonly Rgba Pine = new(0.7, 0.55, 0.35);
    private static readonly Rgba Steel = new(0.62, 0.63, 0.66);
    private static readonly Rgba Dark = new(0.15, 0.15, 0.17);

    /// <summary>MetaWorld's wall of the wall tasks: a box 0.24 x 0.02 x 0.12 m centred at (0.1, 0.75), between the object and the goal.</summary>
    private static Prop Wall() => new("wall", 0.12, 0.12, [new(new(0.12, 0.01, 0.06), new(0, 0, 0.06), Brick)]);

    private static readonly BoxInitSampler.Range WallAt = Box("wall", 0.1, 0.75, 0, 0.1, 0.75, 0);

    /// <summary>Over a wall at y = 0.75 (x ∈ [−0.02, 0.22], 0.12 m tall): held objects cross it 0.10 m above its top.</summary>
    private static Vec3 OverWall(Vec3 puck, Vec3 goal) =>
        puck.Y < 0.78 && goal.Y > 0.76 && puck.Z < 0.21 && puck.X > -0.06 ? puck.WithZ(0.24) : goal.WithZ(Math.Max(goal.Z, puck.Y < 0.78 ? 0.24 : goal.Z));

    private static IEnumerable<Def> PuckTasks()
    {
        var puck = Puck();
        BoxInitSampler.Range puckRange = Box("obj", -0.1, 0.6, 0.02, 0.1, 0.7, 0.02);
        var apart = new BoxInitSampler.MinDistance("obj", Goal, 0.15);
        var tcp = $"site:{SawyerHand.TcpSite}";

        yield return new("reach", "reach the goal", [At(puck), At(GoalPart)],
            new BoxInitSampler([puckRange, Box(Goal, -0.1, 0.8, 0.05, 0.1, 0.9, 0.3)], [apart]),
            new Near(tcp, Goal, 0.05), t => new ReachExpert(t), "obj");

        yield return new("reach-wall", "reach the goal over the wall", [At(puck), At(Wall()), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.05, 0.6, 0.015, 0.05, 0.65, 0.015), Box(Goal, -0.05, 0.85, 0.05, 0.05, 0.9, 0.3), WallAt], [apart]),
            new Near(tcp, Goal, 0.05), t =>
            {
                var goal = t.Model.BodyId(Goal);
                // Over the wall's top (0.12) with the claws' tips (5 cm under the tcp) clear, then down to the goal.
                return new PolicyExpert(t, s =>
                {
                    var g = s.Body(goal);
                    var target = s.Tcp.Y < 0.78 && s.Tcp.X > -0.07 ? g.WithZ(Math.Max(g.Z, 0.22)) : g;
                    return (target, 10, 0);
                });
            }, "obj", "wall");

        yield return new("push", "push the puck to the goal", [At(puck), At(GoalPart)],
            new BoxInitSampler([puckRange, Box(Goal, -0.1, 0.8, 0.02, 0.1, 0.9, 0.02)], [apart]),
            new Near("obj", Goal, 0.05), t => new PushExpert(t), "obj");

        yield return new("push-wall", "push the puck round the wall to the goal", [At(puck), At(Wall()), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.05, 0.6, 0.02, 0.05, 0.65, 0.02), Box(Goal, -0.05, 0.85, 0.02, 0.05, 0.9, 0.02), WallAt], [apart]),
            new Near("obj", Goal, 0.07),
            // Round the wall's −x end (x = −0.02): out to x = −0.09, past the wall, then to the goal.
            t => new RoutedPuckExpert(t, 0.01, 0.6, (_, p, g) => p.Y < 0.79 && p.X > -0.08 ? new Vec3(-0.095, p.Y, g.Z)
                : p.Y < 0.79 ? new Vec3(-0.095, 0.81, g.Z) : g), "obj", "wall");

        yield return new("push-back", "push the puck back to the goal", [At(puck), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.1, 0.8, 0.02, 0.1, 0.85, 0.02), Box(Goal, -0.1, 0.6, 0.02, 0.1, 0.7, 0.02)], [apart]),
            new Near("obj", Goal, 0.07), t => new PushExpert(t), "obj");

        yield return new("pick-place", "pick and place the puck to the goal", [At(puck), At(GoalPart)],
            new BoxInitSampler([puckRange, Box(Goal, -0.1, 0.8, 0.05, 0.1, 0.9, 0.3)], [apart]),
            new Near("obj", Goal, 0.07), t => new PickPlaceExpert(t), "obj");

        yield return new("pick-place-wall", "pick the puck and place it at the goal over the wall", [At(puck), At(Wall()), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.05, 0.6, 0.02, 0.05, 0.65, 0.02), Box(Goal, -0.05, 0.85, 0.05, 0.05, 0.9, 0.3), WallAt], [apart]),
            new Near("obj", Goal, 0.07), t => new RoutedPuckExpert(t, 0, 1, (_, p, g) => OverWall(p, g)), "obj", "wall");

        var block = Block();
        yield return new("sweep", "sweep the block to the goal", [At(block), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.1, 0.6, 0.02, 0.1, 0.7, 0.02), Box(Goal, 0.49, 0.6, 0.0, 0.51, 0.7, 0.02)]),
            new Near("obj", Goal, 0.05), t => BlockExpert(t, push: true), "obj");

        // The table with a 16 cm square hole 5 cm deep round the goal (MetaWorld's table_with_hole).
        var hole = new MetaWorldArena.Hole(new(0, 0.84, 0), 0.08, 0.05);
        yield return new("sweep-into", "sweep the block into the hole", [At(block), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.1, 0.6, 0.02, 0.1, 0.7, 0.02), Box(Goal, 0, 0.84, 0.02, 0, 0.84, 0.02)], [apart]),
            // Carried 2 cm over the table rather than 1: a block dragged over the hole's edge dips into it and slips out of the claws.
            new Near("obj", Goal, 0.05), t => new RoutedPuckExpert(t, 0.02, 0.6, (_, _, g) => g, emptyOpening: 0), "obj", Hole: hole);

        yield return new("hand-insert", "insert the block into the hole", [At(block), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.1, 0.6, 0.02, 0.1, 0.7, 0.02), Box(Goal, -0.04, 0.8, -0.02, 0.04, 0.88, -0.02)], [apart]),
            // Over the hole at 4 cm first, then down into it: carried straight at the sunken goal the block scrapes the table's edge.
            new Near("obj", Goal, 0.05), t => new RoutedPuckExpert(t, 0, 1, (_, p, g) => (p - g).NormXy > 0.015 ? g.WithZ(0.04) : g, emptyOpening: 0),
            "obj", Hole: hole);

        yield return new("shelf-place", "place the block on the shelf", [At(block), At(Shelf()), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.1, 0.5, 0.02, 0.1, 0.6, 0.02), Box("shelf", -0.1, 0.8, 0, 0.1, 0.9, 0), GoalAt("shelf", new(0, 0, 0.30))],
                [new("obj", "shelf", 0.1)]),
            new Near("obj", Goal, 0.07),
            // Up to the shelf's height in front of it, then in: the shelf is open toward −y only.
            t => new RoutedPuckExpert(t, 0, 1, (_, p, g) => p.Z < g.Z - 0.02 ? p.WithZ(g.Z + 0.005) : Math.Abs(p.X - g.X) > 0.015 && p.Y < g.Y - 0.11
                ? new Vec3(g.X, p.Y, g.Z + 0.005) : g, emptyOpening: 0), "obj", "shelf");

        var cube = Block();
        yield return new("bin-picking", "move the cube from one bin to the other", [At(cube), At(Bin("bin_start")), At(Bin("bin_goal")), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.21, 0.65, 0.03, -0.03, 0.75, 0.03), Box("bin_start", -0.12, 0.7, 0, -0.12, 0.7, 0),
                Box("bin_goal", 0.12, 0.7, 0, 0.12, 0.7, 0), GoalAt("bin_goal", new(0, 0, 0.02))]),
            new Near("obj", Goal, 0.05),
            // Up out of the first bin (0.06 tall walls) before moving over: its wall stands between.
            t => new RoutedPuckExpert(t, 0, 1, (_, p, g) => (p - g).NormXy > 0.02 ? (p.Z < 0.12 ? p.WithZ(0.15) : g.WithZ(0.15)) : g.WithZ(g.Z + 0.015),
                emptyOpening: 0), "obj", "bin_goal");

        var ball = new Ball("obj", 0.03, 0.1, new Rgba(0.9, 0.45, 0.1), Pinchable);
        yield return new("basketball", "dunk the ball into the basket", [At(ball), At(Hoop()), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.1, 0.6, 0.03, 0.1, 0.7, 0.03), Box("hoop", -0.1, 0.85, 0, 0.1, 0.9, 0),
                GoalAt("hoop", new(0, -0.083, 0.25))], [new("obj", "hoop", 0.15)]),
            new Near("obj", Goal, 0.08),
            // High over the rim first (it stands 0.25 m up), then down through it.
            t => new RoutedPuckExpert(t, 0, 1, (_, p, g) => (p - g).NormXy > 0.015 ? (p.Z < g.Z + 0.06 ? p.WithZ(g.Z + 0.1) : g.WithZ(g.Z + 0.1)) : g,
                closedOpening: 0.7, emptyOpening: 0), "obj", "hoop");

        var soccer = new Ball("obj", 0.026, 0.04, new Rgba(0.92, 0.92, 0.92), Pinchable);
        yield return new("soccer", "kick the ball into the goal", [At(soccer), At(Net()), At(GoalPart)],
            new BoxInitSampler([Box("obj", -0.1, 0.6, 0.026, 0.1, 0.7, 0.026), Box("net", -0.1, 0.8, 0, 0.1, 0.9, 0), GoalAt("net", new(0, 0, 0.026))],
                [new("obj", "net", 0.15)]),
            new Near("obj", Goal, 0.07), t => new BallPushExpert(t), "obj", "net");

        yield return new("pick-out-of-hole", "pick the puck out of the hole", [At(puck), At(Pit()), At(GoalPart)],
            new BoxInitSampler([Box("obj", 0, 0.75, 0.02, 0, 0.75, 0.02), Box(Goal, -0.1, 0.5, 0.15, 0.1, 0.6, 0.3), Box("pit", 0, 0.6, 0, 0, 0.6, 0)], [apart]),
            new Near("obj", Goal, 0.07), t => new PickPlaceExpert(t), "obj", "pit");

        var lid = new BoxLid("lid", new Rgba(0.55, 0.35, 0.2), Contact: Pinchable);
        var box = new MetaWorldBox("box");
        yield return new("box-close", "put the lid on the box", [At(lid), At(box), At(GoalPart)],
            new BoxInitSampler([Box("lid", -0.05, 0.5, BoxLid.PlateHalfThickness, 0.05, 0.55, BoxLid.PlateHalfThickness), Box("box", -0.1, 0.7, 0, 0.1, 0.8, 0),
                GoalAt("box", MetaWorldBox.GoalOffset)], [new("lid", "box", 0.25)]),
            new Near("lid", $"site:{box.GoalSite}", 0.08), t => new BoxCloseExpert(t), "lid", "box");
    }

    /// <summary>
    /// The puck handling for the 4 cm block (pushed 1 cm over the table with 0.6, or carried with 1): the light block lets
    /// the claws squeeze it to an opening of about 0.29, under the puck's "shut on nothing" mark, so that test is off.
    /// </summary>
    private static RoutedPuckExpert BlockExpert(TaskModel t, bool push) =>
        new(t, push ? 0.01 : 0, push ? 0.6 : 1, (_, _, g) => g, emptyOpening: 0);

    /// <summary>MetaWorld's shelf: two side boards, a back, a top and two shelves (at 0.05 and 0.24), open toward −y; the goal 0.30 up.</summary>
    private static Prop Shelf() => new("shelf", 0.66, 0.15,
    [
        new(new(0.01, 0.1, 0.32), new(-0.11, 0, 0.32), Pine), new(new(0.01, 0.1, 0.32), new(0.11, 0, 0.32), Pine),
        new(new(0.12, 0.1, 0.01), new(0, 0, 0.65), Pine), new(new(0.1, 0.095, 0.01), new(0, -0.015, 0.24), Pine),
        new(new(0.1, 0.095, 0.01), new(0, -0.015, 0.05), Pine), new(new(0.1, 0.01, 0.32), new(0, 0.09, 0.32), Pine),
        new(new(0.1, 0.088, 0.021), new(0, -0.008, 0.021), Pine),
    ]);

    /// <summary>MetaWorld's bin: a 0.2 m square tray with 6 cm walls.</summary>
    private static Prop Bin(string name) => new(name, 0.06, 0.1,
    [
        new(new(0.1, 0.005, 0.03), new(0, -0.095, 0.03), Steel), new(new(0.1, 0.005, 0.03), new(0, 0.095, 0.03), Steel),
        new(new(0.005, 0.09, 0.03), new(0.095, 0, 0.03), Steel), new(new(0.005, 0.09, 0.03), new(-0.095, 0, 0.03), Steel),
        new(new(0.1, 0.1, 0.005), new(0, 0, 0.005), Steel),
    ]);

    /// <summary>
    /// MetaWorld's hoop: a backboard on a pole and a ring 0.25 m up, 8.3 cm in front of the board; the ring (inner radius
    /// 4.6 cm for the 3 cm ball) is eight boxes on a circle.
    /// </summary>
    private static Prop Hoop()
    {
        var white = new Rgba(0.9, 0.9, 0.9);
        var orange = new Rgba(0.9, 0.35, 0.1);
        var pieces = new List<Prop.Piece>
        {
            new(new(0.1, 0.01, 0.07), new(0, 0, 0.29), white), new(new(0.007, 0.007, 0.11), new(0, 0, 0.11), Steel),
            new(new(0.04, 0.04, 0.005), new(0, 0, 0.005), Steel),
            // The ring's bracket to the board.
            new(new(0.01, 0.02, 0.004), new(0, -0.02, 0.25), orange),
        };
        const double inner = 0.046, half = 0.005;
        for (var k = 0; k < 8; k++)
        {
            var a = k * Math.PI / 4;
            var r = inner + half;
            pieces.Add(new(new(half, r * Math.Tan(Math.PI / 8) + 0.002, half), new(r * Math.Cos(a), -0.083 + r * Math.Sin(a), 0.25), orange, Yaw: a));
        }
        return new("hoop", 0.36, 0.1, pieces, [("rim", new Vec3(0, -0.083, 0.25))]);
    }

    /// <summary>The soccer goal: a back net and two side posts round the goal point, open toward −y (boxes for MetaWorld's meshes).</summary>
    private static Prop Net()
    {
        var white = new Rgba(0.92, 0.92, 0.92);
        return new("net", 0.08, 0.12,
        [
            new(new(0.1, 0.005, 0.04), new(0, 0.06, 0.04), white), new(new(0.005, 0.06, 0.04), new(-0.1, 0, 0.04), white),
            new(new(0.005, 0.06, 0.04), new(0.1, 0, 0.04), white),
        ]);
    }

    /// <summary>
    /// The raised top of pick-out-of-hole: 5.4 cm boxes round a 0.3 x 0.3 m pit at (0, 0.8) (relative to its origin at
    /// (0, 0.6)), the puck on the table at the pit's bottom.
    /// </summary>
    private static Prop Pit() => new("pit", 0.054, 0.7,
    [
        new(new(0.7, 0.225, 0.027), new(0, -0.175, 0.027), Rgba.Wood), new(new(0.15, 0.025, 0.027), new(0, 0.375, 0.027), Rgba.Wood),
        new(new(0.275, 0.175, 0.027), new(-0.425, 0.225, 0.027), Rgba.Wood), new(new(0.275, 0.175, 0.027), new(0.425, 0.225, 0.027), Rgba.Wood),
    ]);
}
