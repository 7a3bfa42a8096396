using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// The puck handling of <see cref="PuckExpert"/> with the carry routed round an obstacle: the held object goes through
/// the waypoints a task's route gives for where it is now (MetaWorld's wall tasks go round or over the wall).
/// </summary>
/// <param name="route">The next point for the held object's centre, from the tcp, the object and the goal.</param>
public sealed class RoutedPuckExpert(TaskModel task, double carryLift, double grabEffort, Func<Vec3, Vec3, Vec3, Vec3> route, string obj = "obj",
    string goal = "goal", double closedOpening = PuckExpert.ClosedOpening, double emptyOpening = PuckExpert.EmptyOpening)
    : PuckExpert(task, carryLift, grabEffort, obj, goal, closedOpening, emptyOpening)
{
    protected override Vec3 Carry(Vec3 tcp, Vec3 puck, Vec3 goal) => route(tcp, puck, goal);
}
