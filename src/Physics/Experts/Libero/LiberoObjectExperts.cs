using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Expert factories for items put into a container from above (libero-object's basket; LIBERO-90's basket and tray scenes).</summary>
public static class LiberoObjectExperts
{
    /// <summary>The palm starts 4.2 cm above the grip site (PandaArm's hand box).</summary>
    private const double PalmAboveGrip = 0.042;

    /// <summary>How far below its top a tall item is grasped: its top then stays 2 mm under the palm.</summary>
    private const double BelowTop = PalmAboveGrip - 0.002;

    /// <summary>A grasp candidate with this much room from every neighbour is taken without looking further.</summary>
    private const double EnoughRoom = 0.015;

    /// <summary>
    /// An item picked up from above and let go inside a container. Low items (cans, boxes) are grasped at their middle,
    /// a box across its short side; a tall one (a bottle, a carton) just under its top, where its top stays under the
    /// palm: grasped lower, the palm, 4.2 cm over the grip site, would land on it (a hand tilted enough to keep the palm
    /// beside it needs the wrist joint past its limit for items across the floor). Of the candidate yaws (and, for boxes,
    /// grasp points along the long side) the one whose hand keeps clear of the neighbours is taken. The item is carried
    /// with its bottom 3 cm over the walls and let go over the container's region with the palm 2 cm above them.
    /// </summary>
    /// <param name="wallHeight">Height of the container's walls above its origin (its bottom).</param>
    public static Func<TaskModel, IExpert> ItemInContainer(IScenePart item, string container, string region, double wallHeight,
        IReadOnlyList<IScenePart> neighbours, double carryHeight = 0.30) =>
        t =>
        {
            var drop = new ContainerDrop(t, item, container, region, wallHeight, neighbours, carryHeight);
            return new WaypointExpert(t, drop.Plan);
        };

    /// <summary>An item dropped into LIBERO's basket.</summary>
    public static Func<TaskModel, IExpert> ItemInBasket(IScenePart item, Basket basket, IReadOnlyList<IScenePart> neighbours) =>
        ItemInContainer(item, basket.Name, basket.ContainRegion, Basket.WallHeight, neighbours.Where(n => n.IsFree).ToList());

    /// <summary>Items dropped into LIBERO's basket one after the other, in the order given.</summary>
    public static Func<TaskModel, IExpert> ItemsInBasket(IReadOnlyList<IScenePart> items, Basket basket, IReadOnlyList<IScenePart> neighbours) =>
        t =>
        {
            var drops = items.Select(item => new ContainerDrop(t, item, basket.Name, basket.ContainRegion, Basket.WallHeight,
                neighbours.Where(n => n.IsFree && n.Name != item.Name).ToList(), 0.30)).ToList();
            return new WaypointExpert(t, d0 => drops.SelectMany(d => d.Plan(d0)));
        };

    /// <summary>Width the open fingers span less what a grasp needs on either side of the item to close on it safely.</summary>
    private const double BoxSpan = 2 * PandaArm.FingerTravel - 2 * 0.006;

    /// <summary>
    /// Hand yaws, relative to square across a box's short side, that a box may be grasped at: 0 first, then turns either
    /// way up to the largest whose footprint across the fingers (2 (hy cos θ + hx sin θ)) still fits
    /// <see cref="BoxSpan"/>. The palm is 20 cm along the opening axis: square across a small box (butter, cream
    /// cheese) it comes down on a tall carton 10 cm beside it, which a turn of 15–20° clears; the fingers turn the box
    /// square as they close.
    /// </summary>
    internal static IEnumerable<double> BoxTurns(BoxObject box)
    {
        yield return 0;
        var h = box.HalfSize;
        // The largest θ with 2 (hy cos θ + hx sin θ) ≤ span: hy cos θ + hx sin θ = R sin(θ + φ), R = |(hx, hy)|, φ = atan2(hy, hx).
        var r = Math.Sqrt(h.X * h.X + h.Y * h.Y);
        var half = BoxSpan / 2;
        if (half <= h.Y)
            yield break;
        var max = half >= r ? Math.PI / 4 : Math.Min(Math.PI / 4, Math.Asin(half / r) - Math.Atan2(h.Y, h.X));
        foreach (var f in new[] { 0.5, 1.0 })
        {
            yield return f * max;
            yield return -f * max;
        }
    }

    /// <summary>One item into one container in one model: ids resolved once, the grasp chosen from the state at the start.</summary>
    private sealed class ContainerDrop(TaskModel t, IScenePart item, string container, string region, double wallHeight,
        IReadOnlyList<IScenePart> neighbours, double carryHeight)
    {
        private readonly PandaMotion _hand = new(t.Model);
        private readonly BodyProbe _item = new(t.Model, item.Name);
        private readonly BodyProbe _container = new(t.Model, container);
        private readonly int _site = t.Model.SiteId(region);
        private readonly (BodyProbe Probe, IScenePart Part)[] _others = neighbours.Select(n => (new BodyProbe(t.Model, n.Name), n)).ToArray();
        private readonly double _surface = t.Spec.WorkspaceOffset.Z;

        public IEnumerable<Waypoint> Plan(MjData d0)
        {
            var columns = _others.Select(o => new HandClearance.Column(
                o.Probe.Position(d0) - new Vec3(0, 0, o.Part.OriginHeight), Math.Max(0, o.Part.Radius - 0.005), o.Part.Height)).ToList();
            var origin = _item.Position(d0);
            var lift = Math.Max(item is BoxObject ? 0.002 : 0, item.Height - item.OriginHeight - BelowTop);
            var yaw0 = _item.Yaw(d0);
            var axis = new Vec3(Math.Cos(yaw0), Math.Sin(yaw0), 0);
            // A box across its short side (local y), anywhere along the middle of its long side, square to it first and
            // then turned a little either way (BoxTurns); a can at any yaw; a bottle or a carton square to one of its
            // faces (seen corner-on it is too wide for the fingers).
            var candidates = item switch
            {
                BoxObject box => BoxTurns(box).SelectMany(turn => new[] { 0.0, -0.008, 0.008, -0.015, 0.015 }.Select(s => (Yaw: yaw0 + turn, Along: axis * s))),
                Can => new[] { 0.0, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4 }.Select(y => (Yaw: yaw0 + y, Along: Vec3.Zero)),
                _ => new[] { 0.0, Math.PI / 2 }.Select(y => (Yaw: yaw0 + y, Along: Vec3.Zero)),
            };
            var scored = candidates.Select(c => (c.Yaw, Offset: c.Along + new Vec3(0, 0, lift),
                Room: HandClearance.Gap(origin + c.Along + new Vec3(0, 0, lift), new Vec3(0, 0, -1), HandClearance.OpeningAt(c.Yaw), columns))).ToList();
            var pick = scored[0].Room >= EnoughRoom ? scored[0] : scored.MaxBy(c => c.Room);
            var bottom = _container.Position(d0).Z;
            var graspAboveBottom = item.OriginHeight + lift;
            var carry = Math.Max(_surface + carryHeight, bottom + wallHeight + 0.03 + graspAboveBottom);
            // The grip site where the palm clears the walls by 2 cm, and the item's origin below it then.
            var release = bottom + wallHeight + 0.02 - PalmAboveGrip - pick.Offset.Z;
            var site = _site;
            return PickPlaceSkills.PickAndPlace(_hand, _item, d => _item.Position(d) + pick.Offset, pick.Yaw,
                d => Vec3.From(d.SiteXpos, site).WithZ(release), carry);
        }
    }
}
