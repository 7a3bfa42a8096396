using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// Rolls a ball to the goal with the closed claws (MetaWorld's soccer): over to a point behind the ball on the line from
/// the goal through it, down there, then through the ball toward the goal; a ball that rolls off the line is gone round
/// again from above.
/// </summary>
public sealed class BallPushExpert(TaskModel task, string ball = "obj", string goal = "goal") : SawyerExpert(task)
{
    /// <summary>How far behind the ball's centre the tcp stands before pushing: the ball's radius, the pads, 2 cm to spare.</summary>
    private const double Back = 0.055;

    /// <summary>The claws' tips are 2 cm under the tcp: this puts them 8 mm under the ball's centre.</summary>
    private const double Height = 0.012;

    private readonly int _ball = task.Model.BodyId(ball);
    private readonly int _goal = task.Model.BodyId(goal);

    protected override (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp)
    {
        var b = Body(data, _ball);
        var g = Body(data, _goal);
        var line = (g - b).WithZ(0);
        var dir = line / Math.Max(line.Norm, 1e-6);
        var behind = (b - dir * Back).WithZ(b.Z + Height);
        var rel = (tcp - b).WithZ(0);
        var along = rel.Dot(dir);
        var across = (rel - dir * along).Norm;
        var onLine = across < 0.02 && along < -0.03;
        if (onLine && tcp.Z < behind.Z + 0.015)
            return ((g - dir * 0.02).WithZ(behind.Z), 10, 1);
        if (onLine && (tcp - behind).WithZ(0).Norm < 0.02)
            return (behind, 10, 1);
        // Round to behind the ball high enough that the claws pass over it.
        return (behind.WithZ(b.Z + 0.10), 10, 1);
    }
}
