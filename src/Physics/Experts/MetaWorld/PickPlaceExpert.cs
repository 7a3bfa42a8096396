using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// MetaWorld's pick-place policy for one task model (spec B4): above the puck, down to grasp height, close and hold
/// until the claws have shut on it, then carry it to the goal in the air with the claws kept shut.
/// </summary>
public sealed class PickPlaceExpert(TaskModel task) : PuckExpert(task, carryLift: 0, grabEffort: 1);
