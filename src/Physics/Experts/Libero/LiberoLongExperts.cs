using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Expert factories for the libero-10 tasks that libero-mini and libero-object do not already have, composed from the shared skills.</summary>
public static class LiberoLongExperts
{
    /// <summary>Side of a vessel grasped by default: the one facing the robot (−x).</summary>
    private const double RobotSide = Math.PI;

    /// <summary>A vessel put into an open drawer toward its front (clear of the level above), then the drawer pushed shut.</summary>
    /// <param name="yaw">The cabinet's placement yaw.</param>
    /// <param name="neighbours">Parts near the vessel: its wall is grasped on a side whose outer finger keeps clear of them.</param>
    public static Func<TaskModel, IExpert> VesselInDrawerAndClose(Vessel vessel, Cabinet cabinet, double yaw, string level, IReadOnlyList<IScenePart> neighbours) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, vessel.Name);
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            var others = neighbours.Select(n => (Probe: new BodyProbe(t.Model, n.Name), n.Radius)).ToArray();
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 =>
            {
                var side = LiberoExperts.ClearSide(vessel, item.Position(d0), others.Select(o => (o.Probe.Position(d0), o.Radius)));
                return PickPlaceSkills.PickAndPlace(hand, item, d => LiberoExperts.WallGrasp(vessel, item, side, d), side - Math.PI / 2,
                        d => drawer.Floor(d) + drawer.Out * 0.035 + new Vec3(0, 0, 0.01), table + 0.22, lowerSpeed: 0.5)
                    .Concat(level == "top" ? DrawerSkills.Push(drawer) : DrawerSkills.PushPitched(drawer));
            });
        };

    /// <summary>Vessels (mugs) set down on plates one after the other, each grasped by its wall on a side clear of the others.</summary>
    public static Func<TaskModel, IExpert> VesselsOnPlates(IReadOnlyList<(Vessel Vessel, string Plate)> moves, IReadOnlyList<IScenePart> bystanders) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var steps = moves.Select(m => (m.Vessel, Item: new BodyProbe(t.Model, m.Vessel.Name), Plate: new BodyProbe(t.Model, m.Plate))).ToArray();
            var others = moves.Select(m => (IScenePart)m.Vessel).Concat(bystanders)
                .Select(n => (n.Name, Probe: new BodyProbe(t.Model, n.Name), n.Radius)).ToArray();
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 => steps.SelectMany(s =>
            {
                var side = LiberoExperts.ClearSide(s.Vessel, s.Item.Position(d0),
                    others.Where(o => o.Name != s.Vessel.Name).Select(o => (o.Probe.Position(d0), o.Radius)));
                return PickPlaceSkills.PickAndPlace(hand, s.Item, d => LiberoExperts.WallGrasp(s.Vessel, s.Item, side, d), side - Math.PI / 2,
                    d => s.Plate.Position(d) + new Vec3(0, 0, 0.008), table + 0.20);
            }));
        };

    /// <summary>
    /// A standing book into a caddy's compartment: grasped across its thickness just under its top (its top under the
    /// palm), lifted over the caddy's walls, turned on the way so its width runs along the compartment, lowered until its
    /// bottom is 5 mm over the compartment's floor, and let go.
    /// </summary>
    /// <param name="caddyYaw">The caddy's placement yaw: the compartments run along its local y.</param>
    public static Func<TaskModel, IExpert> BookInCaddy(Book book, DeskCaddy caddy, string compartment, double caddyYaw) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, book.Name);
            var region = t.Model.SiteId(caddy.Region(compartment));
            var fixture = new BodyProbe(t.Model, caddy.Name);
            var table = t.Spec.WorkspaceOffset.Z;
            // Just under the top, as a tall grocery item (LiberoObjectExperts): the top stays 2 mm under the palm.
            var graspAbove = book.Height - 0.040;
            var floor = compartment == "back" ? DeskCaddy.BackFloor : 0.005;
            return new WaypointExpert(t, d0 =>
            {
                var bookYaw = item.Yaw(d0);
                // The book is the same turned by π: of the two yaws that lay it along the compartment, the nearer one.
                var target = bookYaw - Math.IEEERemainder(bookYaw - caddyYaw, Math.PI);
                var carry = fixture.Position(d0).Z + DeskCaddy.WallHeight + 0.03 + graspAbove;
                return PickPlaceSkills.PickAndPlace(hand, item, d => item.Position(d) + new Vec3(0, 0, graspAbove), bookYaw - Math.PI / 2,
                    d => Vec3.From(d.SiteXpos, region).WithZ(fixture.Position(d).Z + floor + 0.005), Math.Max(table + 0.28, carry),
                    placeYaw: target - Math.PI / 2);
            });
        };

    /// <summary>
    /// Upright pots (the moka pots) set on a stove that is already on, side by side across the burner: each grasped with
    /// the fingers opening along the stove's x, so the fingers stay clear of the pot already there.
    /// </summary>
    public static Func<TaskModel, IExpert> PotsOnStove(IReadOnlyList<CylinderObject> pots, Stove stove) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var cook = t.Model.SiteId(stove.CookRegion);
            var fixture = new BodyProbe(t.Model, stove.Name);
            var items = pots.Select(p => (Pot: p, Probe: new BodyProbe(t.Model, p.Name))).ToArray();
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 =>
            {
                var stoveYaw = fixture.Yaw(d0);
                var across = new Vec3(-Math.Sin(stoveYaw), Math.Cos(stoveYaw), 0);
                return items.SelectMany((p, k) =>
                {
                    // Slots 4 cm either side of the burner's centre along the stove's y: 1.4 cm between two 6.6 cm pots.
                    var slot = across * (0.04 * (2 * k - (items.Length - 1)));
                    return PickPlaceSkills.PickAndPlace(hand, p.Probe, d => p.Probe.Position(d) + new Vec3(0, 0, p.Pot.HalfHeight * 0.4), stoveYaw + Math.PI / 2,
                        d => Vec3.From(d.SiteXpos, cook) + slot + new Vec3(0, 0, p.Pot.HalfHeight + 0.008), table + 0.25);
                });
            });
        };

    /// <summary>
    /// A mug carried into an open microwave and the door pushed shut. The mug is grasped by its rim on the side facing
    /// the door, fingers opening toward it, lifted 1 cm over the cavity's floor, brought in front of the opening and slid
    /// in to the middle of the heating region, set down and let go; the hand rises until the finger inside the mug clears
    /// the rim and backs out the way it came. Then the closed fingers, 2.5 cm down the door's top edge (the handle lower
    /// down, the palm above the door), sweep round the hinge on the door's outer side until it shuts.
    /// </summary>
    /// <param name="yaw">The microwave's placement yaw.</param>
    public static Func<TaskModel, IExpert> MugInMicrowaveAndClose(Vessel mug, Microwave microwave, double yaw) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, mug.Name);
            var oven = new BodyProbe(t.Model, microwave.Name);
            var door = t.Model.JointQposAddress(t.Model.JointId(microwave.DoorJoint));
            var table = t.Spec.WorkspaceOffset.Z;
            // The grip site's depth under the rim, the cavity floor's height and the mug's clearance over it while carried.
            const double depth = 0.012, floor = 0.01, clearance = 0.01;
            var below = mug.WallHeight - depth;
            var wall = mug.WallRadiusAt(below);
            // The grasped side faces the door: the microwave's local −y in the world.
            var side = yaw - Math.PI / 2;
            var radial = new Vec3(Math.Cos(side), Math.Sin(side), 0);
            var handYaw = side - Math.PI / 2;
            // The mug's centre in the microwave frame: in front of the opening, then in the heating region's middle in depth and
            // 4 cm left of its middle across, so the handle (on the mug's +x side) keeps 4 cm from the control panel.
            var front = new Vec3(-0.04, -0.25, 0);
            var inside = new Vec3(-0.04, Microwave.HeatingRegionOffset.Y, 0);
            return new WaypointExpert(t, d0 =>
            {
                var z0 = oven.Position(d0).Z;
                Vec3 Grip(MjData d, Vec3 centre, double z) => oven.Local(d, centre + new Vec3(0, -wall, 0)).WithZ(z);
                var carryZ = z0 + floor + clearance + below;
                var setZ = z0 + floor + 0.003 + below;
                // The hand comes over the mug with its fingertips 4 cm above the microwave's roof: the door, open as
                // little as 75°, reaches with its free edge beside the mug, its top as high as the roof, and the hand
                // coming in lower catches it and pushes it round.
                var overZ = Math.Max(table + 0.20, z0 + Microwave.Height + 0.04);
                return MugIn(hand, d => item.Position(d) + radial * wall + new Vec3(0, 0, below), handYaw,
                        d => Grip(d, front, carryZ), d => Grip(d, inside, carryZ), d => Grip(d, inside, setZ), depth + 0.015, overZ)
                    .Concat(CloseDoor(hand, oven, d0.Qpos[door], d => d.Qpos[door], handYaw));
            });
        };

    /// <param name="rise">How far the open hand rises before backing out: its inside finger then clears the rim.</param>
    /// <param name="overZ">Height of the grip site when it comes over the mug.</param>
    private static IEnumerable<Waypoint> MugIn(PandaMotion hand, Func<MjData, Vec3> grasp, double yaw,
        Func<MjData, Vec3> front, Func<MjData, Vec3> inside, Func<MjData, Vec3> set, double rise, double overZ)
    {
        yield return new("over-mug", d => grasp(d).WithZ(overZ), -1, yaw, Tolerance: 0.02, MinSteps: 6, MaxSteps: 50);
        yield return new("above-mug", d => grasp(d) + new Vec3(0, 0, 0.10), -1, yaw, Tolerance: 0.01, MaxSteps: 70);
        yield return new("descend", grasp, -1, yaw, Tolerance: 0.004, Speed: 0.3, MaxSteps: 40);
        yield return new("close", grasp, 1, yaw, Tolerance: 1, MinSteps: 10, Latch: true);
        yield return new("lift", d => hand.GripPosition(d).WithZ(front(d).Z), 1, yaw, Tolerance: 0.008, Latch: true, MaxSteps: 30);
        yield return new("to-opening", front, 1, yaw, Tolerance: 0.01, Speed: 0.6, MaxSteps: 60);
        yield return new("slide-in", inside, 1, yaw, Tolerance: 0.008, Speed: 0.6, MaxSteps: 60);
        yield return new("set-down", set, 1, yaw, Tolerance: 0.004, Speed: 0.2, MaxSteps: 30);
        yield return new("release", d => hand.GripPosition(d), -1, yaw, Tolerance: 1, MinSteps: 10, Latch: true);
        yield return new("rise", d => hand.GripPosition(d) + new Vec3(0, 0, rise), -1, yaw, Tolerance: 0.005, Speed: 0.3, Latch: true, MaxSteps: 20);
        yield return new("back-out", d => front(d).WithZ(hand.GripPosition(d).Z), -1, yaw, Tolerance: 0.015, Speed: 0.5, MaxSteps: 50);
    }

    /// <summary>
    /// The closed fingers come down on the door's outer side a little behind where it stands, then sweep round the hinge
    /// toward shut, pushing it ahead, until it is closed; the hand keeps one yaw (only the fingers touch the door).
    /// </summary>
    /// <param name="q0">The door's angle at the start (negative: open).</param>
    internal static IEnumerable<Waypoint> CloseDoor(PandaMotion hand, BodyProbe oven, double q0, Func<MjData, double> angle, double yaw)
    {
        const double radius = 0.19, step = 0.2;
        // The fingertips 2.5 cm under the door's top edge (the grip site is 5.4 mm above them); the handle's top is 1 cm lower.
        var z = Microwave.HingeOffset.Z + Microwave.DoorHalfHeight - 0.025 + 0.0054;
        // The pusher's centre off the door's line: the door's outer face is 2.4 cm off it, the closed fingers 1.1 cm thick, 4 mm to spare.
        const double off = 2 * Microwave.DoorHalfThickness + 0.011 + 0.004;
        Vec3 At(MjData d, double a) =>
            oven.Local(d, Microwave.HingeOffset + new Vec3(radius * Math.Cos(a) + off * Math.Sin(a), radius * Math.Sin(a) - off * Math.Cos(a), 0))
                .WithZ(oven.Position(d).Z + z);
        bool Shut(MjData d) => angle(d) > -0.003;
        var start = q0 - 0.2;
        yield return new("above-door", d => At(d, start) + new Vec3(0, 0, 0.08), 1, yaw, Tolerance: 0.015, MaxSteps: 70);
        yield return new("beside-door", d => At(d, start), 1, yaw, Tolerance: 0.006, Speed: 0.4, MaxSteps: 40);
        for (var a = start + step; a < 0.05 + step; a += step)
        {
            var to = Math.Min(a, 0.05);
            yield return new($"sweep-{to:F1}", d => At(d, to), 1, yaw, Tolerance: 0.006, Speed: 0.3, MaxSteps: 20, Done: Shut);
        }
        yield return new("lift-off", d => hand.GripPosition(d) + new Vec3(0, 0, 0.08), 1, yaw, Tolerance: 0.02, Latch: true, MaxSteps: 30);
    }
}
