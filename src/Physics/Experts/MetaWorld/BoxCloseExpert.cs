using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// A box-close policy for one task model in MetaWorld's style (spec B4, B5): above the lid's handle, down, pinch it,
/// lift straight up over the box walls, carry above the goal, then lower the lid onto the box.
/// </summary>
public sealed class BoxCloseExpert(TaskModel task, string lid = "lid", string box = "box") : SawyerExpert(task)
{
    private const double Gain = 10;

    /// <summary>Claw opening below which the claws have shut on the 2.4 cm handle (open 1.0; on the handle ≈ 0.2, the pads sink a few mm into the light lid).</summary>
    private const double ClosedOpening = 0.45;

    /// <summary>Lid height (origin) while carried: its plate clears the box walls by about 5 cm.</summary>
    private const double CarryZ = MetaWorldBox.WallHeight + BoxLid.PlateHalfThickness + 0.05;

    private readonly int _lid = task.Model.BodyId(lid);
    private readonly int _goal = task.Model.SiteId(new MetaWorldBox(box).GoalSite);

    protected override (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp)
    {
        var lidPos = Body(data, _lid);
        var goal = Site(data, _goal);
        // tcp 7 mm above the handle centre: the pads pinch the handle and stay clear of the plate.
        var grip = lidPos + new Vec3(0, 0, BoxLid.HandleHeight + 0.007);
        // Claws shut on air next to a slipped handle also read as held; the lid then stays behind, the tcp leaves the
        // grip point and the next step starts over above the handle.
        var held = (tcp - grip).Norm < 0.03 && Opening(data) <= ClosedOpening;
        var grab = (tcp - grip).Norm < 0.03 ? 1.0 : -1.0;
        if (!held)
        {
            if (DistanceXy(tcp, grip) > 0.012)
                return (grip + new Vec3(0, 0, 0.1), Gain, grab);
            if (Math.Abs(tcp.Z - grip.Z) > 0.01)
                return (grip, Gain, grab);
            return (tcp, Gain, grab);
        }
        var offset = grip - lidPos;
        var overBox = DistanceXy(lidPos, goal) < 0.02;
        if (!overBox && lidPos.Z < CarryZ - 0.02)
            return (new Vec3(tcp.X, tcp.Y, CarryZ + offset.Z), Gain, grab);
        if (!overBox)
            return (new Vec3(goal.X, goal.Y, CarryZ + offset.Z), Gain, grab);
        return (goal + offset, Gain, grab);
    }
}
