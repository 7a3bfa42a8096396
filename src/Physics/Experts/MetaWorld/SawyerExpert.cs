using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// Common part of the MetaWorld-style experts for one task model: the tcp and claw opening, read through ids resolved
/// once, and MetaWorld's proportional move a = clip(p·(target − tcp), −1, 1) plus a claw effort (spec B4, B5).
/// </summary>
/// <remarks>Subclasses choose the target statelessly from the current geometry every step, as MetaWorld's policies do.</remarks>
public abstract class SawyerExpert : IExpert
{
    private readonly int _tcp;
    private readonly SawyerRig _rig;

    protected SawyerExpert(TaskModel task)
    {
        if (task.Spec.Robot != RobotKind.Sawyer)
            throw new ArgumentException($"task {task.Spec.Id} does not use the Sawyer hand", nameof(task));
        _tcp = task.Model.SiteId(SawyerHand.TcpSite);
        _rig = new SawyerRig(task.Model);
    }

    public virtual void Reset(ManipulationEnv env)
    {
    }

    public void Act(ManipulationEnv env, Span<double> action)
    {
        var data = env.Data;
        var tcp = SceneQuery.SitePos(data, _tcp);
        var (target, gain, grab) = Choose(data, tcp);
        action[0] = Math.Clamp(gain * (target.X - tcp.X), -1, 1);
        action[1] = Math.Clamp(gain * (target.Y - tcp.Y), -1, 1);
        action[2] = Math.Clamp(gain * (target.Z - tcp.Z), -1, 1);
        action[3] = grab;
    }

    /// <summary>The tcp target of this step, the proportional gain toward it and the claw effort (+1 closes, −1 opens).</summary>
    protected abstract (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp);

    /// <summary>Claw opening in [0, 1] (1 fully open), as in the observation.</summary>
    protected double Opening(MjData data) => _rig.Opening(data);

    protected static Vec3 Body(MjData data, int body) => SceneQuery.BodyPos(data, body);

    protected static Vec3 Site(MjData data, int site) => SceneQuery.SitePos(data, site);

    protected static double DistanceXy(Vec3 a, Vec3 b) => (a - b).NormXy;
}
