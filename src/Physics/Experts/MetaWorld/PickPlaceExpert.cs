using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// MetaWorld's pick-place policy for one task model (spec B4): above the puck, down to grasp height, close and hold
/// until the claws have shut on it, then carry it to the goal in the air (the phase is read from the geometry every step).
/// </summary>
public sealed class PickPlaceExpert(TaskModel task) : SawyerExpert(task)
{
    private const double Gain = 10;

    /// <summary>tcp height above the puck centre at the grasp: the pads cover the puck from 1 cm above the table.</summary>
    private const double GripHeight = 0.01;

    /// <summary>Claw opening below which the claws have closed on the 4 cm puck (open 1.0, on the puck ≈ 0.46).</summary>
    private const double ClosedOpening = 0.55;

    /// <summary>Claw opening below which the claws have shut on nothing (fully shut ≈ 0.1).</summary>
    private const double EmptyOpening = 0.3;

    private readonly int _puck = task.Model.BodyId("obj");
    private readonly int _goal = task.Model.BodyId("goal");

    protected override (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp)
    {
        var puck = Body(data, _puck);
        var goal = Body(data, _goal);
        var grip = puck + new Vec3(0, 0, GripHeight);
        // Held: the claws stopped on the puck (not shut on air) around it; carry it with the claws kept shut.
        var opening = Opening(data);
        if (opening is > EmptyOpening and <= ClosedOpening && (tcp - grip).Norm < 0.03)
            return (goal + new Vec3(0, 0, GripHeight), Gain, 1);
        if (DistanceXy(tcp, puck) > 0.015)
            return (puck + new Vec3(0, 0, 0.12), Gain, -1);
        if (Math.Abs(tcp.Z - grip.Z) > 0.01)
            return (grip, Gain, -1);
        return (tcp, Gain, 1);
    }
}
