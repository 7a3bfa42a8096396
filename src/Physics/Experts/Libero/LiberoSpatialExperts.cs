using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>The libero-spatial expert: one black bowl picked by its wall wherever it starts and set down on the plate.</summary>
public static class LiberoSpatialExperts
{
    /// <summary>Side of a vessel grasped by default: the one facing the robot (−x).</summary>
    private const double RobotSide = Math.PI;

    /// <summary>Grip-site height while carrying above the table: the bowl's bottom then clears the ramekin and a bowl stacked on the box.</summary>
    private const double LowCarry = 0.15;

    /// <summary>Grip-site height while carrying a bowl off the cabinet (0.22 m tall): held 3 cm above its bottom, the bowl passes 5 cm above the top.</summary>
    private const double HighCarry = 0.30;

    /// <summary>
    /// Depth of the grip site below the rim. 2 cm rather than libero-mini's 1.2: the fingers, vertical, first pinch the
    /// leaning wall at two heights and the bowl turns until its wall lies along them; pinched deeper it keeps its hold
    /// while turning even when it rests on a ramekin's rim (15/20 at 1.2 cm, 20/20 at 2 cm).
    /// </summary>
    private const double GraspDepth = 0.02;

    /// <summary>Distance from the grasped wall to the outer finger's outer face with the gripper fully open.</summary>
    private const double OuterFinger = 0.046;

    /// <summary>The bowl grasped by its wall and set down centre on centre on the plate.</summary>
    /// <param name="support">What the bowl starts on.</param>
    /// <param name="cabinet">The scene's cabinet (its top drawer's direction picks the grasp side in the drawer).</param>
    /// <param name="neighbours">Parts that could stand where the outer finger comes down, at the start or beside the plate.</param>
    public static Func<TaskModel, IExpert> BowlOnPlate(Vessel bowl, string plate, BowlSupport support, Cabinet cabinet, params IScenePart[] neighbours) =>
        t =>
        {
            var hand = new PandaMotion(t.Model);
            var item = new BodyProbe(t.Model, bowl.Name);
            var target = new BodyProbe(t.Model, plate);
            // Its placement yaw only sets Out, unused here: Opening follows the yaw sampled per context.
            var drawer = new DrawerProbe(t.Model, cabinet, "top", 0);
            var others = neighbours.Select(n => (Probe: new BodyProbe(t.Model, n.Name), n.Radius)).ToArray();
            var table = t.Spec.WorkspaceOffset.Z;
            var high = support is BowlSupport.CabinetTop or BowlSupport.TopDrawer;
            // From the high carry the bowl comes down twice as fast: at the low carry's pace the 25 cm descent alone takes ~50 steps.
            var (carry, lowerSpeed) = high ? (HighCarry, 0.5) : (LowCarry, 0.25);
            return new WaypointExpert(t, d0 =>
            {
                var side = support == BowlSupport.TopDrawer
                    ? DrawerSide(drawer, d0)
                    : ClearSide(bowl, item.Position(d0), target.Position(d0), others.Select(o => (o.Probe.Position(d0), o.Radius)).ToList());
                return PickPlaceSkills.PickAndPlace(hand, item, d => WallGrasp(bowl, item, side, d), side - Math.PI / 2,
                    d => target.Position(d) + new Vec3(0, 0, 0.008), table + carry, lowerSpeed: lowerSpeed);
            });
        };

    /// <summary>
    /// In the open drawer, across it from the robot's side: along the drawer its front board stands where the outer finger
    /// would come down and behind the bowl is the cabinet, and the far side across is out of the arm's reach that high.
    /// </summary>
    private static double DrawerSide(DrawerProbe drawer, MjData data)
    {
        var opening = drawer.Opening(data);
        // The cabinet's local +x: it faces the robot for the suite's yaw of about 154°.
        return Math.Atan2(opening.X, -opening.Y);
    }

    /// <summary>
    /// The robot-facing side unless the outer finger would come down within 1.5 cm of a neighbour, either where the bowl
    /// starts or over the plate (the same hand yaw carries it there), then the candidate with the most room.
    /// </summary>
    private static double ClearSide(Vessel bowl, Vec3 start, Vec3 plate, List<(Vec3 Position, double Radius)> neighbours)
    {
        double Room(double side)
        {
            var r = bowl.WallRadiusAt(bowl.WallHeight - GraspDepth) + OuterFinger;
            var offset = new Vec3(r * Math.Cos(side), r * Math.Sin(side), 0);
            var room = double.MaxValue;
            foreach (var (position, radius) in neighbours)
                room = Math.Min(room, Math.Min((start + offset - position).NormXy, (plate + offset - position).NormXy) - radius);
            return room;
        }
        // Not the far side: the arm would reach over the bowl.
        double[] candidates = [RobotSide, RobotSide - Math.PI / 4, RobotSide + Math.PI / 4, RobotSide - Math.PI / 2, RobotSide + Math.PI / 2];
        return Room(RobotSide) >= 0.015 ? RobotSide : candidates.MaxBy(Room);
    }

    /// <summary>Grip-site target on the bowl's wall <see cref="GraspDepth"/> below the rim, on side <paramref name="side"/> (world yaw from its centre); the fingers open radially.</summary>
    private static Vec3 WallGrasp(Vessel bowl, BodyProbe item, double side, MjData data)
    {
        var h = bowl.WallHeight - GraspDepth;
        var r = bowl.WallRadiusAt(h);
        return item.Position(data) + new Vec3(r * Math.Cos(side), r * Math.Sin(side), h);
    }
}
