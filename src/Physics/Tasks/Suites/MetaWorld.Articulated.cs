using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Experts.MetaWorld;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks.Suites;

/// <summary>
/// MetaWorld's tasks on articulated fixtures: drawers, doors and the lock, the window, buttons, the handle press, the lever,
/// the dial, the faucet and the sliding plate. Where MetaWorld tests the distance from a point on the moving part to a
/// target that its own asset's geometry sets, the test here is on the joint travel that distance amounts to (noted per task).
/// </summary>
public static partial class MetaWorld
{
    private static readonly Vec3 HandLow = new(0, 0.4, 0.2);

    private static Dictionary<string, (double, double)> Start(string joint, double lo, double hi) => new() { [joint] = (lo, hi) };

    /// <summary>A part built at a nominal pose (the task's sampler moves it where each context says) whose joints start in the given ranges.</summary>
    private static Placement At(IScenePart part, Dictionary<string, (double, double)> joints) => new(part, 0, 0.6, Jitter: 0, Joints: joints);

    private static IEnumerable<Def> ArticulatedTasks()
    {
        var drawer = new MetaWorldDrawer("drawer");
        yield return new("drawer-open", "open the drawer", [At(drawer), At(GoalPart)],
            new BoxInitSampler([Box("drawer", -0.1, 0.9, 0, 0.1, 0.9, 0), GoalAt("drawer", MetaWorldDrawer.GoalOffset)]),
            new Near($"site:{drawer.HandleSite}", $"site:{drawer.GoalSite}", 0.03), t => new DrawerOpenExpert(t), drawer.Drawer, "drawer");

        // Pulled out 0.15 at the start; MetaWorld's test: the handle (5 cm up) within 0.055 of its closed place, 9 cm up.
        yield return new("drawer-close", "close the drawer", [At(drawer, Start(drawer.Joint, -0.15, -0.15)), At(GoalPart)],
            new BoxInitSampler([Box("drawer", -0.1, 0.9, 0, 0.1, 0.9, 0), GoalAt("drawer", MetaWorldDrawer.HandleOffset)]),
            new Near($"site:{drawer.HandleSite}", Goal, 0.055, OffsetA: new(0, 0, 0.05)), t =>
            {
                var handle = t.Model.SiteId(drawer.HandleSite);
                return new PolicyExpert(t, s => PushAlong(s, s.Site(handle), new Vec3(0, 1, 0), 0.1));
            }, drawer.Drawer, "drawer");

        var door = MetaWorldFixtures.Door("door");
        yield return new("door-open", "open the door", [At(door), At(GoalPart)],
            new BoxInitSampler([Box("door", 0, 0.85, 0.15, 0.1, 0.95, 0.15), GoalAt("door", new(-0.3, -0.45, 0))]),
            new Along($"site:{door.Site("handle")}", Goal, 0, 0.08), t =>
            {
                var handle = t.Model.SiteId(door.Site("handle"));
                // MetaWorld's door-open: to the handle's +x side, down to it, then on toward −x: the door swings open.
                return new PolicyExpert(t, s =>
                {
                    var h = s.Site(handle) + new Vec3(-0.05, 0, 0);
                    if ((s.Tcp - h).NormXy > 0.12)
                        return (h + new Vec3(0.06, 0.02, 0.2), 25, 1);
                    if (Math.Abs(s.Tcp.Z - h.Z) > 0.04)
                        return (h + new Vec3(0.06, 0.02, 0), 25, 1);
                    return (h, 25, 1);
                });
            }, "door_door", "door");

        // Open a quarter turn at the start; MetaWorld's test: the handle within 0.08 of its place with the door shut.
        yield return new("door-close", "close the door", [At(door, Start(door.JointName("hinge"), -Math.PI / 2, -Math.PI / 2)), At(GoalPart)],
            new BoxInitSampler([Box("door", 0, 0.85, 0.15, 0.1, 0.95, 0.15), GoalAt("door", new(0.2, -0.2, 0))]),
            new Near($"site:{door.Site("handle")}", Goal, 0.08), t =>
            {
                var panel = t.Model.BodyId(door.PartBody);
                var goal = t.Model.BodyId(Goal);
                // The panel's outer (handle) face looks toward −x while open: push it there, 0.22 m out from the hinge, toward shut.
                return new PolicyExpert(t, s =>
                {
                    var hinge = s.Body(panel);
                    var u = Rot(s, panel, 0);
                    var q = Math.Atan2(u.Y, u.X);
                    Vec3 At(double a, double r, double off) => hinge + new Vec3(r * Math.Cos(a) + off * Math.Sin(a), r * Math.Sin(a) - off * Math.Cos(a), 0);
                    var rel = s.Tcp - hinge;
                    var radial = rel.X * u.X + rel.Y * u.Y;
                    var outward = rel.X * u.Y - rel.Y * u.X;
                    // In the band along the panel's outer face, level with it: push round toward shut.
                    if (radial is > 0.12 and < 0.32 && outward is > 0.01 and < 0.09 && Math.Abs(rel.Z) < 0.03)
                        return (At(q + 0.35, 0.22, 0.03), 15, 1);
                    var start = At(q - 0.1, 0.22, 0.05);
                    if ((s.Tcp - start).NormXy > 0.02)
                        return (start.WithZ(Math.Abs(rel.Z) < 0.03 && outward > 0.04 ? hinge.Z : hinge.Z + 0.2), 15, 1);
                    return (start, 15, 1);
                });
            }, "door_door", "door", Hand: new(-0.5, 0.6, 0.2));

        var lockDoor = MetaWorldFixtures.LockDoor("door");
        var lockJoint = lockDoor.JointName("hinge");
        // MetaWorld tests the lever's end against a point a quarter turn away; here the turn itself: ≥ 1.3 of 1.57 rad.
        yield return new("door-lock", "lock the door", [At(lockDoor), At(GoalPart)],
            new BoxInitSampler([Box("door", -0.1, 0.8, 0.15, 0.1, 0.85, 0.15), GoalAt("door", new(0, -0.198, -0.039))]),
            new JointState("Locked", lockJoint, 1.3, Above: true), t =>
            {
                var tip = t.Model.SiteId(lockDoor.Site("lock_start"));
                // Above the lever's end, down onto it, then on down past it: the lever turns down to locked.
                return new PolicyExpert(t, s =>
                {
                    var p = s.Site(tip) + new Vec3(-0.01, -0.005, 0.02);
                    if ((s.Tcp - p).NormXy > 0.015)
                        return (p.WithZ(Math.Max(p.Z + 0.1, s.Tcp.Z)), 25, 1);
                    return (p + new Vec3(-0.02, 0, -0.12), 25, 1);
                });
            }, "door_lock", "door");

        // Hanging down at the start; MetaWorld tests the lever's end against a point a quarter turn up; here the turn: ≤ 0.27 rad.
        yield return new("door-unlock", "unlock the door", [At(lockDoor, Start(lockJoint, 1.5708, 1.5708)), At(GoalPart)],
            new BoxInitSampler([Box("door", -0.1, 0.8, 0.15, 0.1, 0.85, 0.15), GoalAt("door", new(0.09, -0.198, 0.061))]),
            new JointState("Unlocked", lockJoint, 0.27, Above: false), t =>
            {
                var pivot = t.Model.BodyId(lockDoor.PartBody);
                var q = t.Model.JointQposAddress(t.Model.JointId(lockJoint));
                // The hanging lever swept back up round its hinge (the angle decreasing) to level, pushed on its underside
                // by the closed claws at its end (where the lip of LockDoor holds them), led 0.3 rad ahead. Out of the lever's
                // plane the claws first rise over the hinge and come down on its underside (−x while it hangs): a straight
                // path from the start would strike the lever and fling it round. Where noise has put them on its top side,
                // they go back over the hinge or out past its end and round to its underside: coming down on it from above
                // would push it back down.
                return new PolicyExpert(t, s =>
                {
                    var hub = s.Body(pivot);
                    var plane = hub.Y - 0.045;
                    var high = hub.Z + 0.12;
                    var clear = new Vec3(hub.X - 0.06, plane, high);
                    if (Math.Abs(s.Tcp.Y - plane) > 0.02)
                        return (s.Tcp.Z < high - 0.02 ? s.Tcp.WithZ(high) : clear, 25, 1);
                    if (s.Tcp.Z > hub.Z + 0.04 && s.Tcp.X > hub.X - 0.045)
                        return (clear.WithZ(s.Tcp.Z), 25, 1);
                    var angle = s.Joint(q);
                    // The tcp (1.5 cm over the point it drives) at radius r along the lever turned to a, h off its underside.
                    Vec3 At(double r, double h, double a) =>
                        hub + new Vec3(r * Math.Cos(a) - h * Math.Sin(a), plane - hub.Y, -r * Math.Sin(a) - h * Math.Cos(a) + 0.015);
                    var rel = s.Tcp - new Vec3(0, 0, 0.015) - hub;
                    var radial = rel.X * Math.Cos(angle) - rel.Z * Math.Sin(angle);
                    var under = -rel.X * Math.Sin(angle) - rel.Z * Math.Cos(angle);
                    if (under is > 0 and < 0.06 && radial is > 0.05 and < 0.11)
                        return (At(0.085, 0.03, angle - 0.3), 15, 1);
                    // On its top side: over the hinge again while it hangs steeply (the hand, 13 cm tall, cannot pass under its
                    // end), else out past its end.
                    if (under <= 0 && radial < 0.12)
                        return (angle > 0.8 ? s.Tcp.WithZ(high) : At(0.15, Math.Min(under, -0.03), angle), 15, 1);
                    if (radial >= 0.11 && under < 0.06)
                        return (At(0.13, 0.07, angle), 15, 1);
                    return (At(0.085, 0.055, angle), 15, 1);
                });
                // The hand starts 10 cm nearer than MetaWorld's (0, 0.6, 0.2): our lever stands further out of the door (see
                // LockDoor), and hanging down it would start between the open claws wherever the door is near x = 0.
            }, "door_lock", "door", Hand: new(0, 0.5, 0.2));

        foreach (var d in WindowTasks())
            yield return d;
        foreach (var d in ButtonTasks())
            yield return d;
        foreach (var d in HandleTasks())
            yield return d;
        foreach (var d in RotaryTasks())
            yield return d;
        foreach (var d in PlateTasks())
            yield return d;
    }

    /// <summary>A column of a body's rotation matrix (its local axis in the world).</summary>
    private static Vec3 Rot(SawyerView s, int body, int axis)
    {
        var r = s.Data.Xmat.Slice(9 * body, 9);
        return new Vec3(r[axis], r[3 + axis], r[6 + axis]);
    }

    /// <summary>
    /// Pushes a point of a part (a drawer's handle) along a direction with the closed claws: rise clear, come down on
    /// the near side of it, push through to <paramref name="past"/> beyond it. Stateless, as MetaWorld's drawer-close.
    /// </summary>
    private static (Vec3, double, double) PushAlong(SawyerView s, Vec3 point, Vec3 dir, double past, double lift = 0)
    {
        var behind = point - dir * 0.05;
        var rel = s.Tcp - point;
        var along = rel.Dot(dir);
        var across = (rel - dir * along).WithZ(0).Norm;
        // On the near side, level with it and lined up: push, aiming 5 cm ahead on the line (a far aim saturates the
        // action's axes unevenly and the push veers off the line).
        if (along < 0.01 && along > -0.08 && across < 0.02 && Math.Abs(rel.Z) < 0.03)
            return (point + dir * Math.Min(along + 0.05, past) + new Vec3(0, 0, lift), 25, 1);
        // Above the near side: down.
        if ((s.Tcp - behind).WithZ(0).Norm < 0.02)
            return (behind, 25, 1);
        // Otherwise over to it from well above.
        return (behind.WithZ(Math.Max(point.Z + 0.15, s.Tcp.Z)), 25, 1);
    }

    /// <summary>
    /// Turns a part round its joint by pushing a point of it (a lever's end, a faucet's arm) with the closed claws: the
    /// point's place for each joint angle is given; the claws come down just behind it (against the turn) and then move
    /// along the arc ahead of it, so the part is swept round with them. Stateless, from the joint's current angle.
    /// </summary>
    /// <param name="sign">+1 to turn the angle up, −1 down.</param>
    /// <param name="pushStandoff">How far behind the point ahead the claws aim while sweeping (default: <paramref name="standoff"/>); less than the
    /// standoff drives them into the part's path, for parts they touch along their height rather than at one point.</param>
    /// <param name="approach">The side the claws come in from to the start behind the part (default: from above).</param>
    /// <param name="axis">The hinge's axis (unit, world): the claws' offset along it is tested on its own, with the same 3 cm.</param>
    private static (Vec3, double, double) ArcPush(SawyerView s, Func<double, Vec3> point, double angle, double sign, double standoff = 0.03,
        double lead = 0.3, double gain = 15, double? pushStandoff = null, Vec3? approach = null, Vec3? axis = null)
    {
        var p = point(angle);
        var tangent = point(angle + sign * 0.01) - p;
        tangent /= Math.Max(tangent.Norm, 1e-9);
        var contact = p - tangent * standoff;
        var rel = s.Tcp - contact;
        var along = rel.Dot(tangent);
        var offPlane = axis is { } hinge ? rel.Dot(hinge) : 0;
        var across = (rel - tangent * along - (axis ?? Vec3.Zero) * offPlane).Norm;
        // Against it on the trailing side (a lagging part falls back a few cm): sweep on round. Along the hinge's axis (where
        // given) the claws may stray further, as long as they still overlap the part.
        if (across < 0.03 && Math.Abs(offPlane) < 0.03 && along is > -0.05 and < 0.08)
        {
            var ahead = point(angle + sign * lead);
            var aheadTangent = point(angle + sign * (lead + 0.01)) - ahead;
            aheadTangent /= Math.Max(aheadTangent.Norm, 1e-9);
            return (ahead - aheadTangent * (pushStandoff ?? standoff), gain, 1);
        }
        var start = p - tangent * (standoff + 0.03);
        if (approach is { } side)
        {
            // In from the given side: to a point 10 cm out that way, then in to the start.
            var pre = start + side * 0.1;
            var onWay = (s.Tcp - start).Norm < 0.06 || (s.Tcp - pre).Norm < 0.02
                || ((s.Tcp - start) - side * (s.Tcp - start).Dot(side)).Norm < 0.02 && (s.Tcp - start).Dot(side) > 0;
            return (onWay ? start : pre, gain, 1);
        }
        // Near the start point, or on the trailing side already: in to it; otherwise over to it from above.
        if ((s.Tcp - start).WithZ(0).Norm < 0.02 || (along < 0 && (s.Tcp - start).Norm < 0.06))
            return (start, gain, 1);
        return (start.WithZ(Math.Max(start.Z + 0.1, s.Tcp.Z)), gain, 1);
    }

    private static IEnumerable<Def> WindowTasks()
    {
        var window = MetaWorldFixtures.Window("window");
        var slide = window.JointName("slide");
        // MetaWorld's window sits with its sill on the table (body 0.202 up); its test: the handle within 5 cm in x of the goal.
        yield return new("window-open", "open the window", [At(window), At(GoalPart)],
            new BoxInitSampler([Box("window", -0.1, 0.7, 0.202, 0.1, 0.9, 0.202), GoalAt("window", new(0.2, 0, 0))]),
            new Along($"site:{window.Site("open_start")}", Goal, 0, 0.05), t =>
            {
                var handle = t.Model.SiteId(window.Site("open_start"));
                return new PolicyExpert(t, s => PushAlong(s, s.Site(handle) + new Vec3(0, 0, 0.02), new Vec3(1, 0, 0), 0.1));
            }, "window_sash", "window", Hand: HandLow);

        yield return new("window-close", "close the window", [At(window, Start(slide, 0.2, 0.2)), At(GoalPart)],
            new BoxInitSampler([Box("window", 0, 0.75, 0.202, 0, 0.9, 0.202), GoalAt("window", Vec3.Zero)]),
            new Along($"site:{window.Site("close_start")}", Goal, 0, 0.05), t =>
            {
                var handle = t.Model.SiteId(window.Site("close_start"));
                return new PolicyExpert(t, s => PushAlong(s, s.Site(handle) + new Vec3(0, 0, 0.02), new Vec3(-1, 0, 0), 0.1));
            }, "window_sash", "window", Hand: HandLow);
    }

    /// <summary>
    /// MetaWorld tests the button's face against its box's <c>hole</c> point with its own asset's offsets; here the press
    /// itself: in by at least 4 of its 6 cm.
    /// </summary>
    private static JointState Pressed(Mechanism box) => new("Pressed", box.JointName("slide"), -0.04, Above: false);

    /// <summary>MetaWorld's wall of the button tasks: 0.2 x 0.02 x 0.15 m standing on the table between the hand and the button.</summary>
    private static Prop ButtonWall() => new("wall", 0.15, 0.1, [new(new(0.1, 0.01, 0.075), new(0, 0, 0.075), Brick)]);

    private static IEnumerable<Def> ButtonTasks()
    {
        var top = MetaWorldFixtures.ButtonBox("box", topDown: true);
        Func<TaskModel, IExpert> pressDown = t =>
        {
            var face = t.Model.SiteId(top.Site("face"));
            // Above the button, then straight down through it with the claws shut (MetaWorld's button-press-topdown).
            return new PolicyExpert(t, s =>
            {
                var f = s.Site(face);
                return (s.Tcp - f).NormXy > 0.02 ? (f + new Vec3(0, 0, 0.1), 25, 1) : (f + new Vec3(0, 0, -0.08), 25, 1);
            });
        };
        yield return new("button-press-topdown", "press the button from the top", [At(top), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.1, 0.8, 0.115, 0.1, 0.9, 0.115), GoalAt("box", new(0, 0, 0.1335))]),
            Pressed(top), pressDown, "box_button", "box", Hand: HandLow);

        yield return new("button-press-topdown-wall", "press the button from the top behind the wall", [At(top), At(ButtonWall()), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.1, 0.8, 0.115, 0.1, 0.9, 0.115), Box("wall", 0.1, 0.7, 0, 0.1, 0.7, 0), GoalAt("box", new(0, 0, 0.1335))]),
            Pressed(top), pressDown, "box_button", "wall", Hand: HandLow);

        var side = MetaWorldFixtures.ButtonBox("box", topDown: false);
        Func<TaskModel, IExpert> pressIn = t =>
        {
            var face = t.Model.SiteId(side.Site("face"));
            // Level with the button in front of it, then in along +y with the claws shut; over the wall first where there is one.
            return new PolicyExpert(t, s =>
            {
                var f = s.Site(face);
                if (s.Tcp.Y < f.Y - 0.08 && (Math.Abs(s.Tcp.X - f.X) > 0.02 || s.Tcp.Z < 0.2))
                    return (new Vec3(f.X, s.Tcp.Y, 0.26), 15, 1);
                if (s.Tcp.Y < f.Y - 0.05)
                    return (new Vec3(f.X, f.Y - 0.03, 0.26), 15, 1);
                if (Math.Abs(s.Tcp.Z - f.Z) > 0.015 || Math.Abs(s.Tcp.X - f.X) > 0.015)
                    return (new Vec3(f.X, f.Y - 0.03, f.Z), 15, 1);
                return (f + new Vec3(0, 0.08, 0), 15, 1);
            });
        };
        yield return new("button-press", "press the button", [At(side), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.1, 0.85, 0.115, 0.1, 0.9, 0.115), GoalAt("box", new(0, -0.1335, 0))]),
            Pressed(side), pressIn, "box_button", "box", Hand: HandLow);

        yield return new("button-press-wall", "press the button behind the wall", [At(side), At(ButtonWall()), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.05, 0.85, 0.115, 0.05, 0.9, 0.115), Box("wall", 0.1, 0.6, 0, 0.1, 0.6, 0), GoalAt("box", new(0, -0.1335, 0))]),
            Pressed(side), pressIn, "box_button", "wall", Hand: HandLow);

        var coffee = MetaWorldFixtures.CoffeeMachine("coffee_machine");
        // MetaWorld: the button's face within 2 cm of where 3 cm of travel put it, i.e. in by at least 1 cm.
        yield return new("coffee-button", "push the button on the coffee machine", [At(coffee), At(GoalPart)],
            new BoxInitSampler([Box("coffee_machine", -0.1, 0.8, 0, 0.1, 0.9, 0), GoalAt("coffee_machine", new(0, -0.19, 0.3))]),
            new JointState("Pressed", coffee.JointName("slide"), 0.01, Above: true), t =>
            {
                var face = t.Model.SiteId(coffee.Site("button"));
                return new PolicyExpert(t, s =>
                {
                    var f = s.Site(face);
                    if ((new Vec3(s.Tcp.X - f.X, 0, s.Tcp.Z - f.Z)).Norm > 0.015)
                        return (new Vec3(f.X, Math.Min(s.Tcp.Y, f.Y - 0.04), f.Z), 10, 1);
                    return (f + new Vec3(0, 0.1, 0), 10, 1);
                });
            }, "coffee_machine_button", "coffee_machine", Hand: HandLow);
    }

    private static IEnumerable<Def> HandleTasks()
    {
        var press = MetaWorldFixtures.HandlePress("box");
        var slide = press.JointName("slide");
        // MetaWorld: the handle's end within 2 cm of goalPress (7.7 cm down of its 10): here the travel itself.
        var pressed = new JointState("Pressed", slide, -0.077, Above: false);
        // MetaWorld measures a point 5 cm to the handle's side against goalPull; the travel that puts it within reach: up by 5 cm of 10.
        var pulled = new JointState("Pulled", slide, -0.05, Above: true);
        Func<TaskModel, IExpert> pressDown = t =>
        {
            var end = t.Model.SiteId(press.Site("handle"));
            // Over the handle's end, then down through it with the claws shut.
            return new PolicyExpert(t, s =>
            {
                var e = s.Site(end);
                return (s.Tcp - e).NormXy > 0.02 ? (e + new Vec3(0, 0, 0.12), 25, 1) : (e + new Vec3(0, 0, -0.2), 25, 1);
            });
        };
        Func<TaskModel, IExpert> PullUp(string site, Vec3 offset) => t =>
        {
            var end = t.Model.SiteId(press.Site(site));
            // At the round end's side (5 cm out, beside the handle's bar, where MetaWorld's handleRight is): down round it
            // with the claws open across it, shut them on it, then up. Over the middle, the rear claw would land on the bar.
            return new PolicyExpert(t, s =>
            {
                var e = s.Site(end) + offset;
                if (s.Opening < 0.6 && (s.Tcp - e).Norm < 0.03)
                    return (e + new Vec3(0, 0, 0.15), 25, 1);
                if ((s.Tcp - e).NormXy > 0.01)
                    return (e.WithZ(Math.Max(e.Z + 0.1, s.Tcp.Z)), 25, -1);
                if (Math.Abs(s.Tcp.Z - e.Z) > 0.008)
                    return (e, 25, -1);
                return (e, 25, 1);
            });
        };
        yield return new("handle-press", "press the handle down", [At(press), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.1, 0.8, 0, 0.1, 0.9, 0), GoalAt("box", new(0, -0.216, 0.075))]),
            pressed, pressDown, "box_handle", "box", Hand: HandLow);
        yield return new("handle-pull", "pull the handle up", [At(press, Start(slide, -0.1, -0.1)), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.1, 0.8, 0, 0.1, 0.9, 0), GoalAt("box", new(0, -0.216, 0.172))]),
            pulled, PullUp("handle_side", new(0, 0, -0.014)), "box_handle", "box", Hand: HandLow);

        // The sideways press: the same box turned a quarter turn, its handle reaching toward +x, on the robot's left.
        var sideways = press with { BaseRotation = Quat.FromYaw(Math.PI / 2) };
        yield return new("handle-press-side", "press the handle down sideways", [At(sideways), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.35, 0.65, 0, -0.25, 0.75, 0), GoalAt("box", new(0.216, 0, 0.075))]),
            pressed, pressDown, "box_handle", "box");
        yield return new("handle-pull-side", "pull the handle up sideways", [At(sideways, Start(slide, -0.1, -0.1)), At(GoalPart)],
            new BoxInitSampler([Box("box", -0.35, 0.65, 0, -0.25, 0.75, 0), GoalAt("box", new(0.216, 0, 0.172))]),
            // Turned, the handle's bar runs along x under the claws: they pinch the bar across its 6.4 cm, 5 cm in from its end.
            pulled, PullUp("handle", new(-0.05, 0, -0.022)), "box_handle", "box");
    }

    private static IEnumerable<Def> RotaryTasks()
    {
        var lever = MetaWorldFixtures.Lever("lever");
        var leverJoint = lever.JointName("hinge");
        // MetaWorld: the lever within π/24 of a quarter turn up.
        yield return new("lever-pull", "pull the lever up", [At(lever), At(GoalPart)],
            new BoxInitSampler([Box("lever", -0.1, 0.7, 0, 0.1, 0.8, 0), GoalAt("lever", new(0.12, 0, 0.45))]),
            new JointState("Up", leverJoint, Math.PI / 2 - Math.PI / 24, Above: true), t =>
            {
                var pivot = t.Model.BodyId(lever.PartBody);
                var q = t.Model.JointQposAddress(t.Model.JointId(leverJoint));
                // The ball at the lever's end, 0.2 m out, swept up round the hinge from below (its angle increasing).
                return new PolicyExpert(t, s => ArcPush(s, a => s.Body(pivot) + new Vec3(0, -0.2 * Math.Cos(a), 0.2 * Math.Sin(a) - 0.03), s.Joint(q), 1,
                    standoff: 0.045, approach: new Vec3(0, -1, 0)));
            }, "lever_arm", "lever", Hand: HandLow);

        var dial = MetaWorldFixtures.Dial("dial");
        var dialJoint = dial.JointName("hinge");
        // MetaWorld: the dial's mark within 7 cm of a point its turn of 61° puts it at.
        yield return new("dial-turn", "turn the dial", [At(dial), At(GoalPart)],
            new BoxInitSampler([Box("dial", -0.1, 0.7, 0, 0.1, 0.8, 0), GoalAt("dial", new(0, 0.03, 0.03))]),
            new JointState("Turned", dialJoint, 1.07, Above: true), t =>
            {
                var knob = t.Model.BodyId(dial.PartBody);
                var q = t.Model.JointQposAddress(t.Model.JointId(dialJoint));
                // The ridge's end pushed round the axis, counter-clockwise, the claws' lower ends at the ridge's height.
                return new PolicyExpert(t, s => ArcPush(s, a => s.Body(knob) + new Vec3(0.035 * Math.Sin(a), -0.035 * Math.Cos(a), 0.075), s.Joint(q), 1,
                    standoff: 0.03, lead: 0.35));
            }, "dial_knob", "dial");

        var faucet = MetaWorldFixtures.Faucet("faucet");
        var faucetJoint = faucet.JointName("hinge");
        // MetaWorld: the arm's end within 7 cm of the point a quarter turn away: a turn of at least 67°.
        foreach (var (task, instruction, sign, goal) in new[] { ("faucet-open", "turn the faucet on", 1.0, new Vec3(0.175, 0, 0.125)),
                     ("faucet-close", "turn the faucet off", -1.0, new Vec3(-0.175, 0, 0.125)) })
        {
            yield return new(task, instruction, [At(faucet), At(GoalPart)],
                new BoxInitSampler([Box("faucet", -0.1, 0.8, 0, 0.1, 0.85, 0), GoalAt("faucet", goal)]),
                new JointState(sign > 0 ? "Open" : "Close", faucetJoint, sign * 1.17, Above: sign > 0), t =>
                {
                    var arm = t.Model.BodyId(faucet.PartBody);
                    var q = t.Model.JointQposAddress(t.Model.JointId(faucetJoint));
                    return new PolicyExpert(t, s => ArcPush(s, a => s.Body(arm) + new Vec3(0.15 * Math.Sin(a), -0.15 * Math.Cos(a), 0.02), s.Joint(q), sign,
                        standoff: 0.035));
                }, "faucet_handle", "faucet", Hand: HandLow);
        }
    }

    /// <summary>MetaWorld's plate goal: a gate of bars (two rails, two posts and a top bar) open toward −y, 0.2 m wide.</summary>
    /// <remarks>
    /// The top bar is 0.26 m up, not 0.17: pushing the plate back out through the gate, the claws pass under the bar
    /// 6 cm over the table and the Sawyer's wrist stands 0.12 m above them, so a lower bar stops the wrist.
    /// </remarks>
    private static Prop Gate(string name)
    {
        var white = new Rgba(0.85, 0.85, 0.85);
        return new(name, 0.27, 0.12,
        [
            new(new(0.008, 0.073, 0.008), new(-0.1, 0.004, 0.009), white), new(new(0.008, 0.073, 0.008), new(0.1, 0.004, 0.009), white),
            new(new(0.008, 0.008, 0.125), new(-0.1, -0.0685, 0.134), white), new(new(0.008, 0.008, 0.125), new(0.1, -0.0685, 0.134), white),
            new(new(0.108, 0.008, 0.008), new(0, -0.0685, 0.26), white), new(new(0.108, 0.008, 0.008), new(0, 0.077, 0.009), white),
        ]);
    }

    private static IEnumerable<Def> PlateTasks()
    {
        var plate = MetaWorldFixtures.SlidingPlate("puck");
        var plateSite = $"site:{plate.Site("plate")}";
        // MetaWorld's plate tasks: the plate within 7 cm of the goal; pushed along by the claws shut behind it.
        Func<TaskModel, IExpert> Push(Vec3 dir) => t =>
        {
            var p = t.Model.SiteId(plate.Site("plate"));
            var goal = t.Model.BodyId(Goal);
            return new PolicyExpert(t, s =>
            {
                var c = s.Site(p);
                var g = s.Body(goal).WithZ(c.Z);
                // Behind the plate's edge opposite the goal, then on toward the goal, past it by a little.
                var toward = (g - c).WithZ(0);
                var d = toward.Norm > 0.03 ? toward / toward.Norm : dir;
                return PushAlong(s, c - d * 0.05 + new Vec3(0, 0, 0.01), d, toward.Norm + 0.02);
            });
        };
        yield return new("plate-slide", "slide the plate into the goal", [At(plate), At(Gate("gate")), At(GoalPart)],
            new BoxInitSampler([Box("puck", 0, 0.6, 0, 0, 0.6, 0), Box(Goal, -0.1, 0.85, 0.015, 0.1, 0.9, 0.015), GoalAt(Goal, new(0, 0, -0.015)) with { Body = "gate" }]),
            new Near(plateSite, Goal, 0.07), Push(new(0, 1, 0)), "puck_plate", "gate");
        yield return new("plate-slide-back", "slide the plate back out of the goal", [At(plate), At(Gate("gate")), At(GoalPart)],
            new BoxInitSampler([Box("puck", 0, 0.85, 0, 0, 0.85, 0), Box("gate", 0, 0.85, 0, 0, 0.85, 0), Box(Goal, -0.1, 0.6, 0.015, 0.1, 0.6, 0.015)]),
            new Near(plateSite, Goal, 0.07), Push(new(0, -1, 0)), "puck_plate", "gate");
        var sideGate = Gate("gate") with { Boxes = Gate("gate").Boxes.Select(b => b with { Pos = new(-b.Pos.Y, b.Pos.X, b.Pos.Z), Half = new(b.Half.Y, b.Half.X, b.Half.Z) }).ToList() };
        yield return new("plate-slide-side", "slide the plate sideways into the goal", [At(plate), At(sideGate), At(GoalPart)],
            new BoxInitSampler([Box("puck", 0, 0.6, 0, 0, 0.6, 0), Box(Goal, -0.3, 0.54, 0.015, -0.25, 0.66, 0.015), GoalAt(Goal, new(0, 0, -0.015)) with { Body = "gate" }]),
            new Near(plateSite, Goal, 0.07), Push(new(-1, 0, 0)), "puck_plate", "gate");
        yield return new("plate-slide-back-side", "slide the plate sideways back out of the goal", [At(plate), At(sideGate), At(GoalPart)],
            new BoxInitSampler([Box("puck", -0.25, 0.6, 0, -0.25, 0.6, 0), Box("gate", -0.25, 0.6, 0, -0.25, 0.6, 0), Box(Goal, -0.05, 0.6, 0.015, 0.15, 0.6, 0.015)]),
            new Near(plateSite, Goal, 0.07), Push(new(1, 0, 0)), "puck_plate", "gate");
    }

}
