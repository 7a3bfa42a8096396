using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>What a MetaWorld-style policy reads each step: the state, the tcp and the claws' opening (1 open, about 0.1 shut).</summary>
public readonly record struct SawyerView(MjData Data, Vec3 Tcp, double Opening)
{
    public Vec3 Body(int body) => Vec3.From(Data.Xpos, body);

    public Vec3 Site(int site) => Vec3.From(Data.SiteXpos, site);

    public double Joint(int qposAddress) => Data.Qpos[qposAddress];
}

/// <summary>
/// A MetaWorld-style scripted policy given as a function of the current geometry (spec B4): each step it picks the tcp
/// target, the proportional gain toward it and the claw effort, re-deriving its phase from the state, with no memory.
/// Its factory resolves every id once; the function only reads the state.
/// </summary>
public sealed class PolicyExpert(TaskModel task, Func<SawyerView, (Vec3 Target, double Gain, double Grab)> policy) : SawyerExpert(task)
{
    protected override (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp) => policy(new SawyerView(data, tcp, Opening(data)));
}
