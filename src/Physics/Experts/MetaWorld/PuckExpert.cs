using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// The puck handling push and pick-place share (spec B4): above the puck, down around it, close the claws and hold until
/// they have shut on it, then carry it to the goal; the phase is read from the geometry every step.
/// </summary>
/// <remarks>
/// Unlike MetaWorld's policies it waits for the claws to shut before moving on: claws closing while the hand already
/// moves knock the 4 cm puck over, and a puck on its side rolls off.
/// </remarks>
/// <param name="carryLift">How far above its grasp height the held puck travels to the goal.</param>
/// <param name="grabEffort">Claw effort while closing and holding (+1 fully).</param>
/// <param name="obj">The held object's body (a 4 cm puck, block or ball).</param>
/// <param name="goal">The goal body the object is carried to.</param>
/// <param name="closedOpening">Claw opening at or below which the claws have closed on the object (default: on the 4 cm puck).</param>
/// <param name="emptyOpening">Claw opening below which they have shut on nothing; 0 where a light object lets them squeeze it that far.</param>
public class PuckExpert(TaskModel task, double carryLift, double grabEffort, string obj = "obj", string goal = "goal",
    double closedOpening = PuckExpert.ClosedOpening, double emptyOpening = PuckExpert.EmptyOpening) : SawyerExpert(task)
{
    private const double Gain = 10;

    /// <summary>tcp height above the puck centre at the grasp: the pads cover the puck from 1 cm above the table.</summary>
    private const double GripHeight = 0.01;

    /// <summary>Claw opening below which the claws have closed on the 4 cm puck (open 1.0, on the puck ≈ 0.46).</summary>
    public const double ClosedOpening = 0.55;

    /// <summary>Claw opening below which the claws have shut on nothing (fully shut ≈ 0.1).</summary>
    public const double EmptyOpening = 0.3;

    private readonly int _puck = task.Model.BodyId(obj);
    private readonly int _goal = task.Model.BodyId(goal);

    protected override (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp)
    {
        var puck = Body(data, _puck);
        var goal = Body(data, _goal);
        var grip = puck + new Vec3(0, 0, GripHeight);
        // Held: the claws stopped on the puck (not shut on air) around it. The puck lags a little behind a moving
        // hand, so holding tolerates more offset than the 1.5 cm alignment asked for before closing.
        var opening = Opening(data);
        if (opening > emptyOpening && opening <= closedOpening && (tcp - grip).Norm < 0.03)
            return (Carry(tcp, puck, goal) + new Vec3(0, 0, GripHeight + carryLift), Gain, grabEffort);
        if (DistanceXy(tcp, puck) > 0.015)
            return (puck + new Vec3(0, 0, 0.12), Gain, -1);
        if (Math.Abs(tcp.Z - grip.Z) > 0.01)
            return (grip, Gain, -1);
        return (tcp, Gain, grabEffort);
    }

    /// <summary>Where the held object's centre is carried next: the goal, or a waypoint round an obstacle on the way.</summary>
    protected virtual Vec3 Carry(Vec3 tcp, Vec3 puck, Vec3 goal) => goal;
}
