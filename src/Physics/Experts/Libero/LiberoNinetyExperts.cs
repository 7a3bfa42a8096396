using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Expert factories for the LIBERO-90 tasks the other suites do not already have, composed from the shared skills.</summary>
public static class LiberoNinetyExperts
{
    /// <summary>The open drawer pushed shut, then a vessel set down on the cabinet's top.</summary>
    public static Func<TaskModel, IExpert> CloseDrawerThenVesselOnTop(Cabinet cabinet, double yaw, string level, Vessel vessel, double carryHeight,
        params IScenePart[] neighbours) =>
        t =>
        {
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            var place = new VesselMove(t, vessel, neighbours);
            var top = t.Model.SiteId(cabinet.TopSide);
            return new WaypointExpert(t, d0 => DrawerSkills.Push(drawer)
                .Concat(place.Plan(d0, d => Vec3.From(d.SiteXpos, top) + new Vec3(0, 0, 0.008), carryHeight)));
        };

    /// <summary>A drawer pulled open, then a vessel that starts clear of it put inside, toward its front.</summary>
    public static Func<TaskModel, IExpert> OpenDrawerThenVesselIn(Cabinet cabinet, double yaw, string level, Vessel vessel, params IScenePart[] neighbours) =>
        t =>
        {
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            var place = new VesselMove(t, vessel, neighbours);
            return new WaypointExpert(t, d0 => DrawerSkills.Pull(drawer)
                .Concat(place.Plan(d0, d => drawer.Floor(d) + drawer.Out * 0.035 + new Vec3(0, 0, 0.01), 0.30)));
        };

    /// <summary>A vessel put into an open drawer toward its front, grasped on a side clear of its neighbours.</summary>
    public static Func<TaskModel, IExpert> VesselInOpenDrawer(Cabinet cabinet, double yaw, string level, Vessel vessel, double carryHeight,
        params IScenePart[] neighbours) =>
        t =>
        {
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            var place = new VesselMove(t, vessel, neighbours);
            return new WaypointExpert(t, d0 => place.Plan(d0, d => drawer.Floor(d) + drawer.Out * 0.035 + new Vec3(0, 0, 0.01), carryHeight, lowerSpeed: 0.5));
        };

    /// <summary>
    /// One vessel set down on another (bowl on bowl): let go with its base 2 cm over the lower one's floor, so it settles
    /// into the lower one's wall rather than being pressed through it.
    /// </summary>
    public static Func<TaskModel, IExpert> VesselOnVessel(Vessel vessel, string below, double carryHeight, params IScenePart[] neighbours) =>
        t =>
        {
            var place = new VesselMove(t, vessel, neighbours);
            var target = new BodyProbe(t.Model, below);
            return new WaypointExpert(t, d0 => place.Plan(d0, d => target.Position(d) + new Vec3(0, 0, 0.02), carryHeight));
        };

    /// <summary>One drawer pushed shut, then another pulled open.</summary>
    public static Func<TaskModel, IExpert> CloseDrawerThenOpen(Cabinet cabinet, double yaw, string closeLevel, string openLevel) =>
        t =>
        {
            var shut = new DrawerProbe(t.Model, cabinet, closeLevel, yaw);
            var open = new DrawerProbe(t.Model, cabinet, openLevel, yaw);
            return new WaypointExpert(t, _ => Push(shut, closeLevel).Concat(DrawerSkills.Pull(open)));
        };

    /// <summary>An open drawer pushed shut; the bottom one with the pitched hand (its front is too low for a straight one).</summary>
    public static Func<TaskModel, IExpert> CloseDrawer(Cabinet cabinet, double yaw, string level) =>
        t =>
        {
            var drawer = new DrawerProbe(t.Model, cabinet, level, yaw);
            return new WaypointExpert(t, _ => Push(drawer, level));
        };

    private static IEnumerable<Waypoint> Push(DrawerProbe drawer, string level) =>
        level == "bottom" ? DrawerSkills.PushPitched(drawer) : DrawerSkills.Push(drawer);

    /// <summary>A frying pan carried by its handle onto the stove's burner (the knob left as it is).</summary>
    public static Func<TaskModel, IExpert> PanOnStove(Stove stove, Vessel pan) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, pan.Name);
            var cook = t.Model.SiteId(stove.CookRegion);
            var table = t.Spec.WorkspaceOffset.Z;
            // Across the handle 3 cm out from the rim, as StoveOnThenPanOnIt grasps it.
            var along = pan.RimRadius + 0.03;
            return new WaypointExpert(t, d0 => PickPlaceSkills.PickAndPlace(hand, item, d => item.Local(d, new Vec3(0, along, pan.HandleHeight)),
                item.Yaw(d0) + Math.PI / 2, d => Vec3.From(d.SiteXpos, cook) + new Vec3(0, 0, 0.008), table + 0.15));
        };

    /// <summary>An upright cylinder (the moka pot) set on the burner (the knob left as it is).</summary>
    public static Func<TaskModel, IExpert> PotOnStove(Stove stove, CylinderObject pot) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, pot.Name);
            var cook = t.Model.SiteId(stove.CookRegion);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, _ => PickPlaceSkills.PickAndPlace(hand, item, d => item.Position(d) + new Vec3(0, 0, pot.HalfHeight * 0.4), 0,
                d => Vec3.From(d.SiteXpos, cook) + new Vec3(0, 0, pot.HalfHeight + 0.008), table + 0.25));
        };

    /// <summary>The stove's knob pushed back round to off (its lower stop).</summary>
    public static Func<TaskModel, IExpert> TurnOffStove(Stove stove) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var fixture = new BodyProbe(t.Model, stove.Name);
            var knob = t.Model.JointQposAddress(t.Model.JointId(stove.KnobJoint));
            return new WaypointExpert(t, d0 => KnobSkills.TurnOff(hand, fixture, Stove.LeverHeight, d0.Qpos[knob], d => d.Qpos[knob]));
        };

    /// <summary>An open microwave door pushed shut round its hinge.</summary>
    /// <param name="yaw">The microwave's placement yaw.</param>
    public static Func<TaskModel, IExpert> CloseMicrowave(Microwave microwave, double yaw) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var oven = new BodyProbe(t.Model, microwave.Name);
            var door = t.Model.JointQposAddress(t.Model.JointId(microwave.DoorJoint));
            // The hand's yaw MugInMicrowaveAndClose closes the door with.
            var handYaw = yaw - Math.PI;
            return new WaypointExpert(t, d0 => LiberoLongExperts.CloseDoor(hand, oven, d0.Qpos[door], d => d.Qpos[door], handYaw));
        };

    /// <summary>A vessel (bowl, mug) set down on a flat site (a table zone, a fixture's top), grasped on a side clear of its neighbours.</summary>
    public static Func<TaskModel, IExpert> VesselToSite(Vessel vessel, string site, double carryHeight, params IScenePart[] neighbours) =>
        VesselToSite(vessel, site, carryHeight, neighbours, []);

    /// <summary>
    /// As <see cref="VesselToSite(Vessel, string, double, IScenePart[])"/>, the fronts of open drawers (cabinet, its
    /// placement yaw, level) counted among the neighbours the grasped side keeps clear of.
    /// </summary>
    public static Func<TaskModel, IExpert> VesselToSite(Vessel vessel, string site, double carryHeight, IReadOnlyList<IScenePart> neighbours,
        IReadOnlyList<(Cabinet Cabinet, double Yaw, string Level)> openDrawers) =>
        t =>
        {
            var place = new VesselMove(t, vessel, neighbours, openDrawers);
            var target = t.Model.SiteId(site);
            var table = t.Spec.WorkspaceOffset.Z;
            return new WaypointExpert(t, d0 => place.Plan(d0, d =>
            {
                var s = Vec3.From(d.SiteXpos, target);
                // A table zone's site lies at the surface; a fixture's top at its own height.
                return s.WithZ(Math.Max(s.Z, table) + 0.008);
            }, carryHeight));
        };

    /// <summary>One vessel picked by its wall on the side <see cref="LiberoExperts.ClearSide"/> picks from the start state, and set down.</summary>
    private sealed class VesselMove(TaskModel t, Vessel vessel, IReadOnlyList<IScenePart> neighbours,
        IReadOnlyList<(Cabinet Cabinet, double Yaw, string Level)>? openDrawers = null)
    {
        private readonly PandaMotion _hand = new(t.Model);
        private readonly BodyProbe _item = new(t.Model, vessel.Name);
        private readonly (BodyProbe Probe, double Radius, IScenePart Part)[] _others = neighbours.Select(n => (new BodyProbe(t.Model, n.Name), n.Radius, n)).ToArray();
        private readonly DrawerProbe[] _drawers = (openDrawers ?? []).Select(o => new DrawerProbe(t.Model, o.Cabinet, o.Level, o.Yaw)).ToArray();
        private readonly double _table = t.Spec.WorkspaceOffset.Z;

        public IEnumerable<Waypoint> Plan(MjData d0, Func<MjData, Vec3> placeAt, double carryHeight, double lowerSpeed = 0.25)
        {
            var side = _drawers.Length == 0 ? LiberoExperts.ClearSide(vessel, _item.Position(d0), _others.Select(o => (o.Probe.Position(d0), o.Radius)))
                : PalmClearSide(d0);
            return PickPlaceSkills.PickAndPlace(_hand, _item, d => LiberoExperts.WallGrasp(vessel, _item, side, d), side - Math.PI / 2,
                placeAt, _table + carryHeight, lowerSpeed: lowerSpeed);
        }

        /// <summary>
        /// The side to grasp from beside open drawers: the robot-facing one unless the hand at the grasp (the 20 cm palm
        /// as well as the fingers, <see cref="HandClearance"/>) comes within 1.5 cm of a neighbour or a drawer's front,
        /// then the candidate with the most room. Beside an open drawer the palm, not the outer finger that
        /// <see cref="LiberoExperts.ClearSide"/> looks at, is what catches: on the drawer's handle, or on a tall bottle.
        /// </summary>
        private double PalmClearSide(MjData d0)
        {
            var columns = _others.Select(o => new HandClearance.Column(o.Probe.Position(d0) - new Vec3(0, 0, o.Part.OriginHeight),
                    Math.Max(0, o.Radius - 0.005), o.Part.Height))
                .Concat(_drawers.SelectMany(d => d.Front(d0))).ToList();
            double Room(double side) => HandClearance.Gap(LiberoExperts.WallGrasp(vessel, _item, side, d0), new Vec3(0, 0, -1),
                HandClearance.OpeningAt(side - Math.PI / 2), columns);
            const double robotSide = Math.PI;
            // The far sides too, last: a low vessel lets the hand reach over it, and between a tall bottle on the robot's
            // side and a drawer behind, the palm only fits square to them on the far side.
            double[] candidates = [robotSide, robotSide - Math.PI / 4, robotSide + Math.PI / 4, robotSide - Math.PI / 2, robotSide + Math.PI / 2,
                Math.PI / 4, -Math.PI / 4, 0];
            return Room(robotSide) >= 0.015 ? robotSide : candidates.MaxBy(Room);
        }
    }
}
