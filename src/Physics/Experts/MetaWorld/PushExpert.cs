using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// MetaWorld's push policy for one task model (spec B4): above the puck, down around it, close the claws (0.6) and
/// slide it to the goal 1 cm above the table (the goal is at the resting puck's height; success allows 5 cm):
/// dragged along the table the puck tips over.
/// </summary>
public sealed class PushExpert(TaskModel task) : PuckExpert(task, carryLift: 0.01, grabEffort: 0.6);
