using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Expert factories for the libero-goal tasks, composed from the shared skills like <see cref="LiberoExperts"/>.</summary>
public static class LiberoGoalExperts
{
    /// <summary>Side of a vessel grasped: the one facing the robot (−x).</summary>
    private const double RobotSide = Math.PI;

    /// <summary>A vessel (the bowl) set down centred on a flat fixture site (the stove's burner, the cabinet's top).</summary>
    /// <param name="neighbours">Parts near the vessel: its wall is grasped on a side whose outer finger keeps clear of them.</param>
    public static Func<TaskModel, IExpert> VesselToSite(Vessel vessel, string site, double carryHeight, params IScenePart[] neighbours) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, vessel.Name);
            var target = t.Model.SiteId(site);
            var others = neighbours.Select(n => (Probe: new BodyProbe(t.Model, n.Name), n.Radius)).ToArray();
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 =>
            {
                var side = LiberoExperts.ClearSide(vessel, item.Position(d0), others.Select(o => (o.Probe.Position(d0), o.Radius)));
                return PickPlaceSkills.PickAndPlace(hand, item, d => LiberoExperts.WallGrasp(vessel, item, side, d), side - Math.PI / 2,
                    d => Vec3.From(d.SiteXpos, target) + new Vec3(0, 0, 0.008), table + carryHeight);
            });
        };

    /// <summary>
    /// A drawer pulled open, then a vessel that starts partly under it put inside. The open drawer (its floor 10 cm over
    /// the table) covers the bowl's far corner, and a hand reaching down anywhere over the bowl is 20 cm wide across it;
    /// so the hand comes in low from +y instead, fingers pitched 60° toward −y across the bowl's −x wall, slides over the
    /// rim under the drawer, grasps the wall, draws the bowl out toward +y (over the cream cheese) before lifting, and
    /// lets it go 2 cm over the drawer's floor, where the hand still clears the drawer's front wall.
    /// </summary>
    public static Func<TaskModel, IExpert> OpenDrawerThenVesselInside(Vessel vessel, Cabinet cabinet, double yaw, string level) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, vessel.Name);
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, _ => DrawerSkills.Pull(drawer).Concat(VesselFromUnder(hand, vessel, item, table,
                d => drawer.Floor(d) + drawer.Out * 0.03 + new Vec3(0, 0, 0.02))));
        };

    private static IEnumerable<Waypoint> VesselFromUnder(PandaMotion hand, Vessel vessel, BodyProbe item, double table, Func<MjData, Vec3> placeAt)
    {
        const double pitch = 60 * Math.PI / 180, carryZ = 0.30;
        var point = new Vec3(0, -Math.Sin(pitch), -Math.Cos(pitch));
        // 6 mm higher than the usual wall grasp: the pitched hand's lower edge would otherwise rest on the far rim.
        Vec3 Grasp(MjData d) => LiberoExperts.WallGrasp(vessel, item, RobotSide, d) + new Vec3(0, 0, 0.006);
        // 3 cm over the grasp the lowest fingertip clears the rim by 1 cm and the hand passes 2 cm under the drawer.
        var overRim = new Vec3(0, 0, 0.03);
        var held = Vec3.Zero;
        // Straight from the drawer's handle: the way runs in front of the drawer, over the bowl's rim and the cream cheese.
        yield return new("beside-bowl", d => Grasp(d) + new Vec3(0, 0.10, 0) + overRim, -1, Point: point, Tolerance: 0.01, MaxSteps: 50);
        yield return new("over-rim", d => Grasp(d) + overRim, -1, Point: point, Tolerance: 0.006, Speed: 0.5, MaxSteps: 40);
        // The fingertip inside may meet the bowl's floor a few mm early: a short phase, then close wherever it stopped.
        yield return new("descend", Grasp, -1, Point: point, Tolerance: 0.006, Speed: 0.3, MaxSteps: 15);
        yield return new("close", Grasp, 1, Point: point, Tolerance: 1, MinSteps: 10, Latch: true);
        // Out from under the drawer toward +y (its front wall ends at y ≈ 0.03), 3 cm up so the bowl clears the cream cheese.
        yield return new("draw-out", d => hand.GripPosition(d) + new Vec3(0, Math.Max(0.10, 0.09 - item.Position(d).Y), 0.03), 1, Point: point,
            Tolerance: 0.01, Speed: 0.4, Latch: true, MaxSteps: 40);
        yield return new("lift", d => hand.GripPosition(d).WithZ(table + carryZ), 1, Point: point, Tolerance: 0.02, Latch: true, MaxSteps: 50);
        yield return new("carry", d => (placeAt(d) - held).WithZ(table + carryZ), 1, Point: point, Tolerance: 0.012, MaxSteps: 70,
            OnEnter: d => held = item.Position(d) - hand.GripPosition(d));
        yield return new("lower", d => placeAt(d) - held, 1, Point: point, Tolerance: 0.004, Speed: 0.25, MaxSteps: 50);
        yield return new("release", d => hand.GripPosition(d), -1, Point: point, Tolerance: 1, MinSteps: 10, Latch: true);
        yield return new("retreat", d => hand.GripPosition(d) + new Vec3(0, 0, 0.10), -1, Point: point, Tolerance: 0.02, Speed: 0.5, Latch: true, MaxSteps: 40);
    }

    /// <summary>
    /// A box (the cream cheese) picked across its short side and set down in a vessel, centre on centre. The box can
    /// start 10 cm from the bowl, and then the open finger on the bowl's side comes down by its rim and the 20 cm hand
    /// reaches over it: so the grasp is 1 cm off the box's centre away from the bowl (closing, the near finger slides the
    /// box that 1 cm over) and 5 mm above it (3 mm higher than usual), keeping the hand 5 mm over the rim.
    /// </summary>
    public static Func<TaskModel, IExpert> BoxIntoVessel(BoxObject box, string vessel) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, box.Name);
            var target = new BodyProbe(t.Model, vessel);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 =>
            {
                var yaw = item.Yaw(d0);
                var opening = new Vec3(-Math.Sin(yaw), Math.Cos(yaw), 0);
                var away = opening * (Math.Sign((item.Position(d0) - target.Position(d0)).Dot(opening)) * 0.01) + new Vec3(0, 0, 0.005);
                return PickPlaceSkills.PickAndPlace(hand, item, d => item.Position(d) + away, yaw,
                    d => target.Position(d) + new Vec3(0, 0, box.HalfSize.Z + 0.012), table + 0.15);
            });
        };

    /// <summary>The stove's knob pushed round past "on".</summary>
    public static Func<TaskModel, IExpert> TurnOnStove(Stove stove) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var fixture = new BodyProbe(t.Model, stove.Name);
            var knob = t.Model.JointQposAddress(t.Model.JointId(stove.KnobJoint));
            return new WaypointExpert(t, _ => KnobSkills.TurnOn(hand, fixture, Stove.LeverHeight, d => d.Qpos[knob]));
        };

    /// <summary>
    /// The plate slid into a table region with the fingertips pressed on its floor: right to pass the cream cheese on
    /// its +x side, up beside it, then left along the region's far half, so the plate never runs into the box.
    /// </summary>
    public static Func<TaskModel, IExpert> PushPlate(Vessel plate, TableRegion region, BoxObject creamCheese) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, plate.Name);
            var box = new BodyProbe(t.Model, creamCheese.Name);
            var site = t.Model.SiteId(region.Name);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 =>
            {
                var goal = Vec3.From(d0.SiteXpos, site).WithZ(table);
                var half = region.HalfSize;
                var start = item.Position(d0);
                var cheese = box.Position(d0);
                // Clear of the box by 8 mm (right) and 5 mm (beyond), the box lying along x (yaw 180°).
                var right = cheese.X + creamCheese.HalfSize.X + plate.RimRadius + 0.008;
                var beyond = Math.Clamp(cheese.Y + creamCheese.HalfSize.Y + plate.RimRadius + 0.005, goal.Y, goal.Y + half.Y - 0.006);
                var below = cheese.Y - creamCheese.HalfSize.Y - plate.RimRadius - 0.005;
                Vec3[] path =
                [
                    new(Math.Max(start.X, right), Math.Min(start.Y, below), table), new(Math.Max(start.X, right), beyond, table),
                    new(goal.X, beyond, table),
                ];
                // The hand lies diagonally (opening along (1, 1)): along x it would reach over the bowl, along y into the cabinet.
                return PushSkills.Slide(hand, item, path, table + plate.Thickness, -Math.PI / 4);
            });
        };

    /// <summary>Height above the bottle's bottom where its body is grasped (its body is 0.11 m tall).</summary>
    private const double BottleGrasp = 0.08;

    /// <summary>
    /// The bottle's grasp pitch below horizontal: 90° − the rack's 62.5° tilt. Fingers pointing this far down toward
    /// where the rack's troughs rise (opening across) close on the upright bottle; turned 62.5° about the opening axis
    /// they point straight down while the bottle lies along a trough.
    /// </summary>
    private static readonly double BottlePitch = Math.PI / 2 + WineRack.Tilt;

    /// <summary>Fingers pointing <paramref name="pitch"/> below horizontal toward the horizontal unit <paramref name="toward"/>.</summary>
    private static Vec3 PitchedDown(Vec3 toward, double pitch) => toward * Math.Cos(pitch) + new Vec3(0, 0, -Math.Sin(pitch));

    /// <summary>Yaw of an opening axis across the horizontal unit <paramref name="toward"/> (as <see cref="Waypoint.Yaw"/> measures it).</summary>
    private static double YawAcross(Vec3 toward) => Math.Atan2(toward.Y, toward.X);

    /// <summary>The grasp of both bottle tasks: toward −y, where the rack's troughs rise in this layout (rack yaw π).</summary>
    private static readonly Vec3 BottleToward = new(0, -1, 0);

    /// <summary>The wine bottle carried upright and stood on a flat fixture site (the cabinet's top).</summary>
    public static Func<TaskModel, IExpert> BottleUpright(WineBottle bottle, string site) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, bottle.Name);
            var target = t.Model.SiteId(site);
            var table = t.Spec.WorkspaceOffset.Z;
            // Carried 0.40 m up, the bottle's bottom passes 9 cm over the cabinet's top.
            return new WaypointExpert(t, _ => PickPlaceSkills.PickAndPlace(hand, item, d => item.Position(d) + new Vec3(0, 0, BottleGrasp),
                YawAcross(BottleToward), d => Vec3.From(d.SiteXpos, target) + new Vec3(0, 0, 0.006), table + 0.40,
                point: PitchedDown(BottleToward, BottlePitch)));
        };

    /// <summary>
    /// The wine bottle laid in the rack's middle trough: grasped upright with the fingers pitched, carried high over the
    /// rack, turned 62.5° about the opening axis (the fingers end pointing down, the bottle along the trough, neck up and back), lowered
    /// onto the trough from above, its bottom 1.2 cm short of the stop board, and let go.
    /// </summary>
    /// <param name="yaw">The rack's placement yaw.</param>
    public static Func<TaskModel, IExpert> BottleOnRack(WineBottle bottle, WineRack rack, double yaw) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, bottle.Name);
            var region = t.Model.SiteId(rack.TopRegion);
            var table = t.Spec.WorkspaceOffset.Z;
            var turn = Quat.FromYaw(yaw);
            var axis = turn.Rotate(WineRack.Axis);
            var up = turn.Rotate(WineRack.Up);
            // Where the bottle's origin (its bottom centre) is let go: on the middle trough's axis, 6 mm over its rest.
            Vec3 Rest(MjData d) => Vec3.From(d.SiteXpos, region) + axis * 0.012 + up * 0.006;
            return new WaypointExpert(t, _ => LayInTrough(hand, item, table, Rest, axis, up));
        };

    private static IEnumerable<Waypoint> LayInTrough(PandaMotion hand, BodyProbe item, double table, Func<MjData, Vec3> rest, Vec3 axis, Vec3 up)
    {
        const double carryZ = 0.40, approach = 0.10;
        // The troughs rise toward the axis' horizontal part: the fingers are pitched that way, opening across it.
        var toward = axis.WithZ(0) / axis.WithZ(0).Norm;
        var yaw = YawAcross(toward);
        var grasp = PitchedDown(toward, BottlePitch);
        Vec3 Grasp(MjData d) => item.Position(d) + new Vec3(0, 0, BottleGrasp);
        // Where the grip site ends when the bottle rests in the trough, 12 cm higher: the bottle is turned there, clear of
        // everything (it hangs 8 cm under the grip and swings toward +y as it turns).
        Vec3 Turn(MjData d) => rest(d) + axis * BottleGrasp + new Vec3(0, 0, 0.12);
        var held = Vec3.Zero;
        yield return new("over-bottle", d => (Grasp(d) + new Vec3(0, 0, approach)).WithZ(Math.Max(table + carryZ, Grasp(d).Z + approach)), -1,
            yaw, grasp, Tolerance: 0.02, MinSteps: 6, MaxSteps: 50);
        yield return new("above-bottle", d => Grasp(d) + new Vec3(0, 0, approach), -1, yaw, grasp, Tolerance: 0.01, MaxSteps: 70);
        yield return new("descend", Grasp, -1, yaw, grasp, Tolerance: 0.004, Speed: 0.3, MaxSteps: 40);
        yield return new("close", Grasp, 1, yaw, grasp, Tolerance: 1, MinSteps: 10, Latch: true);
        yield return new("lift", d => hand.GripPosition(d).WithZ(table + carryZ), 1, yaw, grasp, Tolerance: 0.02, Latch: true, MaxSteps: 50);
        yield return new("carry", d => Turn(d).WithZ(table + carryZ), 1, yaw, grasp, Tolerance: 0.015, MaxSteps: 70);
        // Turned in steps (about 12° each, 4 steps apiece) so the wrist follows without swinging the light bottle.
        const int turns = 5;
        for (var k = 1; k <= turns; k++)
        {
            var pitch = BottlePitch + (Math.PI / 2 - BottlePitch) * k / turns;
            Vec3? point = k == turns ? null : PitchedDown(toward, pitch);
            yield return new($"turn-{k}", Turn, 1, yaw, point, Tolerance: 0.01, MinSteps: 4, MaxSteps: 20);
        }
        // Held still until the wrist has caught up and the bottle stopped swinging, then measured: the grip target that
        // puts the bottle's origin where it is let go.
        yield return new("settle", Turn, 1, yaw, Tolerance: 0.01, MinSteps: 8, MaxSteps: 20);
        yield return new("over-trough", d => rest(d) - held + up * 0.06, 1, yaw, Tolerance: 0.008, Speed: 0.5, MaxSteps: 50,
            OnEnter: d => held = item.Position(d) - hand.GripPosition(d));
        yield return new("into-trough", d => rest(d) - held, 1, yaw, Tolerance: 0.004, Speed: 0.25, MaxSteps: 40);
        yield return new("release", d => hand.GripPosition(d), -1, yaw, Tolerance: 1, MinSteps: 10, Latch: true);
        yield return new("retreat", d => hand.GripPosition(d) + new Vec3(0, 0, 0.10), -1, yaw, Tolerance: 0.02, Speed: 0.5, Latch: true, MaxSteps: 40);
    }
}
