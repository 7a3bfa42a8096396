using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Experts.MetaWorld;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Predicates;
using static RiptOrleans.Physics.Scenes.Fixtures.Mechanism;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>MetaWorld's tasks with a held tool or part: the hammer, the stick and thermos, the mug, the nut and peg, the side peg and the plug.</summary>
public static partial class MetaWorld
{
    private static readonly Quat ShapeAlongX = Quat.FromAxisAngle(new Vec3(0, 1, 0), Math.PI / 2);
    private static readonly Quat ShapeAlongY = Quat.FromAxisAngle(new Vec3(1, 0, 0), Math.PI / 2);

    /// <summary>
    /// Grasps a loose part at a point of it (a site, read live) and then carries it: above the point, down, shut the claws,
    /// and once they hold it (shut short of empty, the point still between them) the carry function gives the tcp target.
    /// </summary>
    private static (Vec3, double, double) GraspThen(SawyerView s, Vec3 grasp, Func<Vec3, Vec3> carry, double gain = 10, double heldBelow = 0.8)
    {
        if (s.Opening < heldBelow && s.Opening > 0.15 && (s.Tcp - grasp).Norm < 0.035)
            return (carry(grasp), gain, 1);
        // Closing on it already: go on closing where it is (action noise moves the hand a few mm, which must not reopen the claws).
        if (s.Opening < 0.97 && s.Opening > 0.15 && (s.Tcp - grasp).NormXy < 0.02 && Math.Abs(s.Tcp.Z - grasp.Z) < 0.015)
            return (grasp, gain, 1);
        if ((s.Tcp - grasp).NormXy > 0.012)
            return (grasp.WithZ(Math.Max(grasp.Z + 0.1, s.Tcp.Z)), gain, -1);
        if (Math.Abs(s.Tcp.Z - grasp.Z) > 0.008)
            return (grasp, gain, -1);
        return (grasp, gain, 1);
    }

    private static IEnumerable<Def> ToolTasks()
    {
        // The hammer: a 0.32 m handle along x and a head 0.16 m out with its striking faces along y (hammer.xml); 1.1 kg.
        var hammer = new Composite("hammer", 0.02, 0.076, 0.2,
        [
            new(ShapeKind.Capsule, new(0.02, 0.14, 0), Vec3.Zero, Pine, ShapeAlongX),
            new(ShapeKind.Cylinder, new(0.026, 0.025, 0), new(0.16, 0, 0), Steel, ShapeAlongX),
            new(ShapeKind.Cylinder, new(0.02, 0.015, 0), new(0.16, 0.026, 0), Steel, ShapeAlongY),
            new(ShapeKind.Cylinder, new(0.038, 0.016, 0), new(0.16, 0.056, 0), Steel, ShapeAlongY),
            new(ShapeKind.Cylinder, new(0.038, 0.016, 0), new(0.16, -0.056, 0), Steel, ShapeAlongY),
            new(ShapeKind.Cylinder, new(0.02, 0.015, 0), new(0.16, -0.026, 0), Steel, ShapeAlongY),
        ], [("grip", new Vec3(-0.04, 0, 0)), ("face", new Vec3(0.16, 0.072, 0))], Density: 2000, Contact: Pinchable);
        var nailBox = MetaWorldFixtures.NailBox("box");
        yield return new("hammer", "hammer the nail in", [At(hammer), At(nailBox), At(GoalPart)],
            new BoxInitSampler([Box("hammer", -0.1, 0.4, 0.04, 0.1, 0.5, 0.04), Box("box", 0.24, 0.85, 0, 0.24, 0.85, 0), GoalAt("box", new(0, -0.11, 0.11))]),
            new JointState("Driven", nailBox.JointName("slide"), 0.09, Above: true), t =>
            {
                var grip = t.Model.SiteId(hammer.Site("grip"));
                var face = t.Model.SiteId(hammer.Site("face"));
                var nail = t.Model.SiteId(nailBox.Site("nail"));
                // Grasp the handle, lift, bring the head's striking face in front of the nail and drive it in along +y.
                return new PolicyExpert(t, s => GraspThen(s, s.Site(grip), g =>
                {
                    var lead = s.Site(face) - s.Tcp;
                    var n = s.Site(nail);
                    if (s.Tcp.Z < 0.1 && (s.Site(face) - n).NormXy > 0.1)
                        return s.Tcp.WithZ(0.16);
                    if (Math.Abs(s.Site(face).X - n.X) > 0.015 || Math.Abs(s.Site(face).Z - n.Z) > 0.015 || s.Site(face).Y > n.Y + 0.01)
                        return n - lead + new Vec3(0, -0.04, 0);
                    return n - lead + new Vec3(0, 0.12, 0);
                }));
            }, "hammer", "box");

        foreach (var d in StickTasks())
            yield return d;
        foreach (var d in MugTasks())
            yield return d;
        foreach (var d in NutTasks())
            yield return d;
        foreach (var d in PegTasks())
            yield return d;
    }

    /// <summary>MetaWorld's stick: a 0.1 x 0.04 x 0.04 m bar lying along x (0.2 kg here, MetaWorld's 0.02 kg squashes in the pinch).</summary>
    private static Composite Stick() => new("stick", 0.02, 0.04, 0.055,
        [new(ShapeKind.Box, new(0.05, 0.02, 0.02), Vec3.Zero, new Rgba(0.35, 0.25, 0.15))],
        [("grip", new Vec3(-0.02, 0, 0.005)), ("end", new Vec3(0.05, 0, 0))], Density: 1250, Contact: Pinchable);

    private static IEnumerable<Def> StickTasks()
    {
        var stick = Stick();
        var thermos = MetaWorldFixtures.Thermos("thermos");
        var insertion = $"site:{thermos.Site("insertion")}";
        // MetaWorld's stick-push: the thermos's loop within 0.12 of the goal, with the stick held up (2 cm over its start).
        yield return new("stick-push", "push the thermos to the goal with the stick", [At(stick), At(thermos), At(GoalPart)],
            new BoxInitSampler([Box("stick", -0.08, 0.58, 0.02, -0.03, 0.62, 0.02), Box("thermos", 0.2, 0.6, 0, 0.2, 0.6, 0),
                Box(Goal, 0.399, 0.55, 0.132, 0.401, 0.6, 0.132)]),
            new All(new Near(insertion, Goal, 0.12), new Above("stick", 0.04)), t =>
            {
                var grip = t.Model.SiteId(stick.Site("grip"));
                var end = t.Model.SiteId(stick.Site("end"));
                var flask = t.Model.BodyId(thermos.PartBody);
                var goal = t.Model.BodyId(Goal);
                // Grasp the stick, raise it to the flask's middle height, bring its end against the flask's −x side and push
                // the flask along +x until its loop reaches the goal.
                return new PolicyExpert(t, s => GraspThen(s, s.Site(grip), _ =>
                {
                    var lead = s.Site(end) - s.Tcp;
                    var f = s.Body(flask);
                    var contact = new Vec3(f.X - 0.06, f.Y, f.Z + 0.1);
                    var g = s.Body(goal);
                    if (s.Site(end).Z < contact.Z - 0.02 && (s.Site(end) - contact).NormXy > 0.03)
                        return s.Tcp.WithZ(contact.Z - lead.Z);
                    if ((s.Site(end) - contact).Norm > 0.02 && s.Site(end).X < contact.X - 0.005)
                        return contact - lead + new Vec3(-0.01, 0, 0);
                    return new Vec3(g.X + 0.06 - lead.X, f.Y - lead.Y, contact.Z - lead.Z);
                }));
            }, "stick", "thermos_flask");

        // stick-pull: the flask starts 9 cm further away; its loop is drawn to the goal (MetaWorld: within 0.12, stick in the loop).
        yield return new("stick-pull", "pull the thermos to the goal with the stick", [At(stick), At(thermos, Start(thermos.JointName("slide_y"), 0.09, 0.09)),
                At(GoalPart)],
            new BoxInitSampler([Box("stick", -0.1, 0.55, 0.02, 0, 0.65, 0.02), Box("thermos", 0.2, 0.6, 0, 0.2, 0.6, 0),
                Box(Goal, 0.35, 0.45, 0.132, 0.45, 0.55, 0.132)], [new("stick", Goal, 0.1)]),
            new All(new Near(insertion, Goal, 0.12), new Near($"site:{stick.Site("end")}", insertion, 0.06)), t =>
            {
                var grip = t.Model.SiteId(stick.Site("grip"));
                var end = t.Model.SiteId(stick.Site("end"));
                var loop = t.Model.SiteId(thermos.Site("insertion"));
                var goal = t.Model.BodyId(Goal);
                // Grasp the stick, line it up with the loop from −x at its height, poke its end in against the loop's stop,
                // then draw the loop to the goal (the stop takes +x, the loop's bar −y).
                return new PolicyExpert(t, s => GraspThen(s, s.Site(grip), _ =>
                {
                    var lead = s.Site(end) - s.Tcp;
                    var l = s.Site(loop);
                    var tip = s.Site(end);
                    var inLoop = Math.Abs(tip.Y - l.Y) < 0.02 && Math.Abs(tip.Z - l.Z) < 0.025 && tip.X > l.X - 0.015;
                    if (inLoop)
                        return s.Body(goal) - lead + new Vec3(0.01, 0, 0);
                    if (Math.Abs(tip.Y - l.Y) > 0.01 || Math.Abs(tip.Z - l.Z) > 0.01)
                        return new Vec3(Math.Min(tip.X, l.X - 0.08), l.Y, l.Z) - lead;
                    return l - lead + new Vec3(0.02, 0, 0);
                }));
            }, "stick", "thermos_flask");
    }

    /// <summary>MetaWorld's mug: a cup 5.6 cm wide and 6.6 cm tall with a handle toward +x; 0.5 kg here (the pinch squashes lighter).</summary>
    private static Composite Mug() => new("mug", 0, 0.07, 0.045,
        [
            new(ShapeKind.Cylinder, new(0.028, 0.033, 0), new(0, 0, 0.035), new Rgba(0.9, 0.9, 0.88)),
            new(ShapeKind.Cylinder, new(0.02, 0.005, 0), new(0.034, 0, 0.042), new Rgba(0.9, 0.9, 0.88), ShapeAlongY),
        ], [("grip", new Vec3(0, 0, 0.05))], Density: 3000, Contact: Pinchable);

    private static IEnumerable<Def> MugTasks()
    {
        var mug = Mug();
        var machine = MetaWorldFixtures.CoffeeMachine("coffee_machine");
        Func<TaskModel, IExpert> carry = t =>
        {
            var grip = t.Model.SiteId(mug.Site("grip"));
            var goal = t.Model.BodyId(Goal);
            // Grasp the cup, slide it 1 cm over the table to the goal (under the spout, or back out from under it).
            // The grip point is 5 cm up the cup: the tcp there, 1 cm higher, carries the cup's bottom 1 cm over the table.
            return new PolicyExpert(t, s => GraspThen(s, s.Site(grip), _ => s.Body(goal) + new Vec3(0, 0, 0.06), heldBelow: 0.75));
        };
        yield return new("coffee-push", "push the mug under the coffee machine", [At(mug), At(machine), At(GoalPart)],
            new BoxInitSampler([Box("mug", -0.1, 0.55, 0, 0.1, 0.65, 0), Box(Goal, -0.05, 0.7, 0, 0.05, 0.75, 0),
                GoalAt(Goal, new(0, 0.22, 0)) with { Body = "coffee_machine" }], [new("mug", Goal, 0.15)]),
            new Near("mug", Goal, 0.07), carry, "mug", "coffee_machine");
        yield return new("coffee-pull", "pull the mug from the coffee machine", [At(mug), At(machine), At(GoalPart)],
            new BoxInitSampler([Box("mug", -0.05, 0.7, 0, 0.05, 0.75, 0), Box(Goal, -0.1, 0.55, 0, 0.1, 0.65, 0),
                GoalAt("mug", new(0, 0.22, 0)) with { Body = "coffee_machine" }], [new("mug", Goal, 0.15)]),
            new Near("mug", Goal, 0.07), carry, "mug", "coffee_machine");
    }

    /// <summary>MetaWorld's round nut: a ring of eight capsules (inner radius 2.9 cm) with a handle 0.13 m out along its −y; origin at the ring's centre.</summary>
    private static Composite Nut()
    {
        var ring = new List<Mechanism.Shape>();
        for (var k = 0; k < 8; k++)
        {
            var a = k * Math.PI / 4;
            ring.Add(new(ShapeKind.Capsule, new(0.011, 0.019, 0), new(0.048 * Math.Cos(a), 0.048 * Math.Sin(a), 0), Steel,
                Quat.FromYaw(a) * ShapeAlongY));
        }
        ring.Add(new(ShapeKind.Box, new(0.019, 0.038, 0.016), new(0, -0.13, 0), new Rgba(0.2, 0.5, 0.7)));
        ring.Add(new(ShapeKind.Cylinder, new(0.012, 0.05, 0), new(0, -0.1, 0), Steel, ShapeAlongY));
        return new("nut", 0.016, 0.032, 0.17, ring, [("ring", Vec3.Zero), ("handle", new Vec3(0, -0.13, 0.005))], Density: 400, Contact: Pinchable);
    }

    /// <summary>The peg the nut goes on: a 4 cm cylinder 0.1 m tall; site <c>top</c> on its top.</summary>
    private static Mechanism PegPost() => new("peg", 0.1, 0.03, [new(ShapeKind.Cylinder, new(0.02, 0.05, 0), new(0, 0, 0.05), new Rgba(0.6, 0.2, 0.2))],
        new("cap", new(0, 0, 0.1), [], []), [("top", new Vec3(0, 0, 0.1))]);

    private static IEnumerable<Def> NutTasks()
    {
        var nut = Nut();
        var peg = PegPost();
        // MetaWorld's assembly: the ring's centre within 2 cm of the peg's axis and below its top.
        var onPeg = new All(new Along($"site:{nut.Site("ring")}", $"site:{peg.Site("top")}", 0, 0.02),
            new Along($"site:{nut.Site("ring")}", $"site:{peg.Site("top")}", 1, 0.02), new Below($"site:{nut.Site("ring")}", $"site:{peg.Site("top")}"));
        Func<TaskModel, IExpert> expert(bool put) => t =>
        {
            var handle = t.Model.SiteId(nut.Site("handle"));
            var ring = t.Model.SiteId(nut.Site("ring"));
            var top = t.Model.SiteId(peg.Site("top"));
            return new PolicyExpert(t, s => GraspThen(s, s.Site(handle), _ =>
            {
                if (!put)
                    return s.Tcp.WithZ(0.3);
                var lead = s.Site(ring) - s.Tcp;
                var p = s.Site(top);
                var over = p + new Vec3(0, 0, 0.05);
                if ((s.Site(ring) - p).NormXy > 0.01)
                    return s.Site(ring).Z < p.Z + 0.03 ? s.Tcp.WithZ(p.Z + 0.06 - lead.Z) : over - lead;
                return p + new Vec3(0, 0, -0.06) - lead;
            }, heldBelow: 0.5));
        };
        // The nut lies with its handle toward +x (MetaWorld's quat (1, 0, 0, 1)).
        yield return new("assembly", "put the nut on the peg", [new Placement(nut, 0, 0.6, Math.PI / 2, 0), At(peg), At(GoalPart)],
            new BoxInitSampler([Box("nut", 0, 0.6, 0.02, 0, 0.6, 0.02), Box(Goal, -0.1, 0.75, 0.1, 0.1, 0.85, 0.1), GoalAt(Goal, new(0, 0, -0.1)) with { Body = "peg" }],
                [new("nut", Goal, 0.1)], Yaws: new Dictionary<string, double> { ["nut"] = Math.PI / 2 }),
            onPeg, expert(put: true), "nut", "peg");
        // disassemble: the nut starts round the peg; MetaWorld's test: its handle lifted 0.15 m above where it started.
        yield return new("disassemble", "take the nut off the peg", [new Placement(nut, 0, 0.6, Math.PI / 2, 0), At(peg), At(GoalPart)],
            new BoxInitSampler([Box("nut", 0, 0.6, 0.025, 0.1, 0.75, 0.025), GoalAt("nut", new(0, 0, 0.15)), GoalAt("nut", new(0, 0, -0.025)) with { Body = "peg" }],
                Yaws: new Dictionary<string, double> { ["nut"] = Math.PI / 2 }),
            new Above($"site:{nut.Site("handle")}", 0.175), expert(put: false), "nut", "peg");
    }

    private static IEnumerable<Def> PegTasks()
    {
        // The side peg: a 0.24 m square bar 3 cm thick lying along x; its head at −x goes into the box's hole.
        var pegBar = new Composite("peg", 0.015, 0.03, 0.12, [new(ShapeKind.Box, new(0.12, 0.015, 0.015), Vec3.Zero, new Rgba(0.2, 0.5, 0.3))],
            [("head", new Vec3(-0.1, 0, 0)), ("grip", new Vec3(0.03, 0, 0.01))], Density: 800, Contact: Pinchable);
        // The box with the square tunnel (peg_block) turned so the hole looks toward +x.
        var hole = new Prop("box", 0.2, 0.11,
        [
            new(new(0.1, 0.09, 0.005), new(0, 0, 0.195), Pine), new(new(0.096, 0.09, 0.05), new(0, 0, 0.05), Pine),
            new(new(0.096, 0.03, 0.03), new(0, -0.06, 0.13), Pine), new(new(0.096, 0.03, 0.03), new(0, 0.06, 0.13), Pine),
            new(new(0.096, 0.09, 0.015), new(0, 0, 0.175), Pine), new(new(0.1, 0.005, 0.1), new(0, 0.095, 0.1), Pine),
            new(new(0.1, 0.005, 0.1), new(0, -0.095, 0.1), Pine),
        ], [("hole", new Vec3(0.096, 0, 0.13))]);
        yield return new("peg-insert-side", "insert the peg into the hole from the side", [At(pegBar), At(hole), At(GoalPart)],
            new BoxInitSampler([Box("peg", 0, 0.5, 0.015, 0.2, 0.7, 0.015), Box("box", -0.35, 0.4, 0, -0.25, 0.7, 0), GoalAt("box", new(0.03, 0, 0.13))],
                [new("peg", "box", 0.1)]),
            new Near($"site:{pegBar.Site("head")}", Goal, 0.07), t =>
            {
                var grip = t.Model.SiteId(pegBar.Site("grip"));
                var head = t.Model.SiteId(pegBar.Site("head"));
                var mouth = t.Model.SiteId(hole.Site("hole"));
                // Grasp, lift to the hole's height, line the head up with the hole 8 cm out, then in along −x.
                return new PolicyExpert(t, s => GraspThen(s, s.Site(grip), _ =>
                {
                    var lead = s.Site(head) - s.Tcp;
                    var m = s.Site(mouth);
                    var h = s.Site(head);
                    if (Math.Abs(h.Y - m.Y) > 0.01 || Math.Abs(h.Z - m.Z) > 0.01)
                        return new Vec3(Math.Max(h.X, m.X + 0.08), m.Y, m.Z) - lead;
                    return m + new Vec3(-0.1, 0, 0) - lead;
                }, gain: 15, heldBelow: 0.4));
            }, "peg", "box");

        // The plug in its wall, facing +x (plug_wall); the plug pulled 0.15 m out along +x. Its grip block is 5 cm across,
        // not 7.6: the claws open to 10 cm and a block that fills them is not caught reliably under action noise.
        var wall = new Prop("box", 0.2, 0.1,
        [
            new(new(0.025, 0.039, 0.022), new(0, 0.061, 0.131), Brick), new(new(0.025, 0.1, 0.023), new(0, 0, 0.176), Brick),
            new(new(0.025, 0.1, 0.055), new(0, 0, 0.054), Brick), new(new(0.025, 0.045, 0.011), new(0, 0.056, 0.083), Brick),
            new(new(0.025, 0.039, 0.022), new(0, -0.061, 0.131), Brick),
        ]);
        var plug = new Composite("plug", 0.04, 0.08, 0.08,
        [
            new(ShapeKind.Sphere, new(0.03, 0, 0), new(-0.035, 0, 0), Steel), new(ShapeKind.Cylinder, new(0.045, 0.007, 0), new(-0.013, 0, 0), Dark, ShapeAlongX),
            new(ShapeKind.Sphere, new(0.04, 0, 0), new(0.06, 0, 0), Dark), new(ShapeKind.Box, new(0.035, 0.025, 0.025), new(0.025, 0, 0), Dark),
        ], [("end", new Vec3(0.04, 0, 0)), ("grip", new Vec3(0.03, 0, 0.01))], Density: 600, Contact: Pinchable);
        yield return new("peg-unplug-side", "pull the plug out sideways", [At(plug), At(wall), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.25, 0.6, 0, -0.15, 0.8, 0), new("plug", new(0.048, 0, 0.131), new(0.048, 0, 0.131), "box"),
                GoalAt("plug", new(0.19, 0, 0))]),
            new Near($"site:{plug.Site("end")}", Goal, 0.07), t =>
            {
                var grip = t.Model.SiteId(plug.Site("grip"));
                var goal = t.Model.BodyId(Goal);
                // Grasp the plug's body and draw it straight out along +x.
                return new PolicyExpert(t, s => GraspThen(s, s.Site(grip), g => g with { X = s.Body(goal).X + 0.03 }, gain: 15));
            }, "plug", "box");
    }
}
