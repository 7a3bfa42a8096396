using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>
/// An articulation past a threshold: a drawer Open (q &lt; −0.14) or Closed (q &gt; 0), a stove knob TurnedOn (q ≥ 0.5)
/// or TurnedOff (q &lt; 0) — the class tests of spec A6.2.
/// </summary>
public sealed record JointState(string Label, string Joint, double Threshold, bool Above) : IPredicate
{
    public static JointState Open(string joint, double threshold = -0.14) => new("Open", joint, threshold, Above: false);

    public static JointState Closed(string joint, double threshold = 0.0) => new("Close", joint, threshold, Above: true);

    public static JointState TurnedOn(string joint, double threshold = 0.5) => new("TurnOn", joint, threshold, Above: true);

    public static JointState TurnedOff(string joint, double threshold = 0.0) => new("TurnOff", joint, threshold, Above: false);

    public string Describe() => $"{Label}({Joint})";

    public IBoundPredicate Bind(MjModel model)
    {
        var adr = model.JointQposAddress(model.JointId(Joint));
        return Above
            ? new BoundPredicate(d => d.Qpos[adr] >= Threshold)
            : new BoundPredicate(d => d.Qpos[adr] < Threshold);
    }

    /// <summary>True when a joint value satisfies the test (hand-built states in tests use this).</summary>
    public bool Test(double q) => Above ? q >= Threshold : q < Threshold;
}
