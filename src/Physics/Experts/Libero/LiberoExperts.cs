using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Expert factories for the libero-mini tasks: each composes skills into one waypoint plan with ids resolved once per env.</summary>
public static class LiberoExperts
{
    /// <summary>Side of a vessel grasped by default: the one facing the robot (−x).</summary>
    private const double RobotSide = Math.PI;

    /// <summary>A drawer pulled open by its handle; <paramref name="yaw"/> is the cabinet's placement yaw.</summary>
    public static Func<TaskModel, IExpert> OpenDrawer(Cabinet cabinet, double yaw, string level) =>
        t =>
        {
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            return new WaypointExpert(t, _ => DrawerSkills.Pull(drawer));
        };

    /// <summary>An open drawer pushed shut; <paramref name="yaw"/> is the cabinet's placement yaw.</summary>
    public static Func<TaskModel, IExpert> CloseDrawer(Cabinet cabinet, double yaw, string level) =>
        t =>
        {
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            return new WaypointExpert(t, _ => DrawerSkills.Push(drawer));
        };

    /// <summary>A vessel (bowl, mug) set down on a plate, centre on centre.</summary>
    /// <param name="neighbours">Parts near the vessel: the wall is grasped on the side whose outer finger keeps clear of them.</param>
    public static Func<TaskModel, IExpert> VesselOnPlate(Vessel vessel, string plate, double carryHeight, params IScenePart[] neighbours) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, vessel.Name);
            var target = new BodyProbe(t.Model, plate);
            var others = neighbours.Select(n => (Probe: new BodyProbe(t.Model, n.Name), n.Radius)).ToArray();
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 =>
            {
                var side = ClearSide(vessel, item.Position(d0), others.Select(o => (o.Probe.Position(d0), o.Radius)));
                return PickPlaceSkills.PickAndPlace(hand, item, d => WallGrasp(vessel, item, side, d), side - Math.PI / 2,
                    d => target.Position(d) + new Vec3(0, 0, 0.008), table + carryHeight);
            });
        };

    /// <summary>
    /// The side to grasp a vessel's wall from: the robot-facing one unless the outer finger (4.6 cm beyond the wall)
    /// would come down within 1.5 cm of a neighbour, then the candidate with the most room.
    /// </summary>
    internal static double ClearSide(Vessel vessel, Vec3 centre, IEnumerable<(Vec3 Position, double Radius)> neighbours)
    {
        var list = neighbours.ToList();
        double Room(double side)
        {
            var r = vessel.WallRadiusAt(vessel.WallHeight - 0.012) + 0.046;
            var finger = centre + new Vec3(r * Math.Cos(side), r * Math.Sin(side), 0);
            return list.Count == 0 ? double.MaxValue : list.Min(n => (finger - n.Position).NormXy - n.Radius);
        }
        // Not the far side: the arm would reach over the vessel.
        double[] candidates = [RobotSide, RobotSide - Math.PI / 4, RobotSide + Math.PI / 4, RobotSide - Math.PI / 2, RobotSide + Math.PI / 2];
        return Room(RobotSide) >= 0.015 ? RobotSide : candidates.MaxBy(Room);
    }

    /// <summary>A vessel put into an open drawer, toward its front so it clears the cabinet's roof.</summary>
    /// <param name="side">Direction (world yaw) from the vessel's centre to the grasped wall: the hand, 20 cm along it and 5 cm across, must miss the open drawer and tall neighbours.</param>
    public static Func<TaskModel, IExpert> VesselInDrawer(Vessel vessel, Cabinet cabinet, double yaw, string level, double side = RobotSide) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, vessel.Name);
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, _ => PickPlaceSkills.PickAndPlace(hand, item, d => WallGrasp(vessel, item, side, d), side - Math.PI / 2,
                d => drawer.Floor(d) + drawer.Out * 0.035 + new Vec3(0, 0, 0.01), table + 0.30));
        };

    /// <summary>A box put into an open drawer, then the drawer pushed shut.</summary>
    public static Func<TaskModel, IExpert> BoxInDrawerAndClose(BoxObject box, Cabinet cabinet, double yaw, string level) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, box.Name);
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 => PickPlaceSkills.PickAndPlace(hand, item, d => BoxGrasp(item, d), item.Yaw(d0),
                    d => drawer.Floor(d) + drawer.Out * 0.03 + new Vec3(0, 0, box.HalfSize.Z + 0.008), table + 0.28)
                .Concat(DrawerSkills.Push(drawer)));
        };

    /// <summary>A box set down in a flat table region (e.g. right of the plate).</summary>
    public static Func<TaskModel, IExpert> BoxToRegion(BoxObject box, string region, double carryHeight) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, box.Name);
            var site = t.Model.SiteId(region);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 => PickPlaceSkills.PickAndPlace(hand, item, d => BoxGrasp(item, d), item.Yaw(d0),
                d => Vec3.From(d.SiteXpos, site).WithZ(table + box.HalfSize.Z + 0.008), table + carryHeight));
        };

    /// <summary>Grip-site target on a vessel's wall 1.2 cm below the rim, on side <paramref name="side"/> (world yaw from its centre); the fingers open radially.</summary>
    internal static Vec3 WallGrasp(Vessel vessel, BodyProbe item, double side, MjData data)
    {
        var h = vessel.WallHeight - 0.012;
        var r = vessel.WallRadiusAt(h);
        return item.Position(data) + new Vec3(r * Math.Cos(side), r * Math.Sin(side), h);
    }

    /// <summary>Grip-site target on a box: across its short side, 2 mm above its centre so the fingertips clear the support.</summary>
    internal static Vec3 BoxGrasp(BodyProbe item, MjData data) => item.Position(data) + new Vec3(0, 0, 0.002);

    /// <summary>The stove turned on, then a vessel carried by its handle onto the burner.</summary>
    public static Func<TaskModel, IExpert> StoveOnThenPanOnIt(Stove stove, Vessel pan) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, pan.Name);
            var fixture = new BodyProbe(t.Model, stove.Name);
            var knob = t.Model.JointQposAddress(t.Model.JointId(stove.KnobJoint));
            var cook = t.Model.SiteId(stove.CookRegion);
            var table = t.Spec.WorkspaceOffset.Z;
            // Fingers across the handle 3 cm out from the rim, where the pan's weight twists the grip least.
            var along = pan.RimRadius + 0.03;
            return new WaypointExpert(t, d0 => KnobSkills.TurnOn(hand, fixture, Stove.LeverHeight, d => d.Qpos[knob])
                .Concat(PickPlaceSkills.PickAndPlace(hand, item, d => item.Local(d, new Vec3(0, along, pan.HandleHeight)), item.Yaw(d0) + Math.PI / 2,
                    d => Vec3.From(d.SiteXpos, cook) + new Vec3(0, 0, 0.008), table + 0.15)));
        };

    /// <summary>The stove turned on, then an upright cylinder (the moka pot) set on the burner.</summary>
    public static Func<TaskModel, IExpert> StoveOnThenPotOnIt(Stove stove, CylinderObject pot) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, pot.Name);
            var fixture = new BodyProbe(t.Model, stove.Name);
            var knob = t.Model.JointQposAddress(t.Model.JointId(stove.KnobJoint));
            var cook = t.Model.SiteId(stove.CookRegion);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, _ => KnobSkills.TurnOn(hand, fixture, Stove.LeverHeight, d => d.Qpos[knob])
                .Concat(PickPlaceSkills.PickAndPlace(hand, item, d => item.Position(d) + new Vec3(0, 0, pot.HalfHeight * 0.4), 0,
                    d => Vec3.From(d.SiteXpos, cook) + new Vec3(0, 0, pot.HalfHeight + 0.008), table + 0.25)));
        };

    /// <summary>A mug on the plate, then a box into a region beside it (LIBERO-10's two-step task).</summary>
    public static Func<TaskModel, IExpert> MugOnPlateThenBoxToRegion(Vessel mug, string plate, BoxObject box, string region) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var cup = new BodyProbe(t.Model, mug.Name);
            var target = new BodyProbe(t.Model, plate);
            var item = new BodyProbe(t.Model, box.Name);
            var site = t.Model.SiteId(region);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 => PickPlaceSkills.PickAndPlace(hand, cup, d => WallGrasp(mug, cup, RobotSide, d), RobotSide - Math.PI / 2,
                    d => target.Position(d) + new Vec3(0, 0, 0.008), table + 0.20)
                .Concat(PickPlaceSkills.PickAndPlace(hand, item, d => BoxGrasp(item, d), item.Yaw(d0),
                    d => Vec3.From(d.SiteXpos, site).WithZ(table + box.HalfSize.Z + 0.008), table + 0.15)));
        };
}
