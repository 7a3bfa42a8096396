using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>MetaWorld's reach policy for one task model: the tcp straight to the goal, p = 5, claws idle (spec B4).</summary>
public sealed class ReachExpert(TaskModel task) : SawyerExpert(task)
{
    private readonly int _goal = task.Model.BodyId("goal");

    protected override (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp) => (Body(data, _goal), 5, 0);
}
