using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Robots;

/// <summary>A robot's control law bound to one environment's MjData: turns a policy action into actuator commands.</summary>
/// <remarks>The env calls <see cref="SetAction"/> once per control step and <see cref="ApplySubstep"/> between Step1 and Step2 of every physics substep.</remarks>
public interface IRobotRig
{
    /// <summary>Policy action size (7 for the Panda's OSC_POSE + gripper, 4 for the Sawyer's mocap + gripper).</summary>
    int ActionDim { get; }

    /// <summary>Physics substeps per control step (25 at 500 Hz for 20 Hz control; 5 for MetaWorld).</summary>
    int Substeps { get; }

    /// <summary>Names and sizes of the proprioceptive fields <see cref="WriteProprio"/> emits, in order.</summary>
    IReadOnlyList<(string Name, int Size)> ProprioFields { get; }

    /// <summary>Takes the current (just reset) state as the control reference.</summary>
    void Reset(MjData data);

    /// <summary>Takes one action; entries are already finite and clipped to [-1, 1].</summary>
    void SetAction(MjData data, ReadOnlySpan<double> action);

    void ApplySubstep(MjData data);

    /// <summary>False when <see cref="ApplySubstep"/> does nothing, so all substeps can run in one native call.</summary>
    bool ControlsEverySubstep { get; }

    /// <summary>Runs one control step's substeps after <see cref="SetAction"/>: step1, control, step2 each, or one Step(n) call.</summary>
    void Advance(MjData data)
    {
        if (!ControlsEverySubstep)
        {
            data.Step(Substeps);
            return;
        }
        for (var k = 0; k < Substeps; k++)
        {
            data.Step1();
            ApplySubstep(data);
            data.Step2();
        }
    }

    void WriteProprio(MjData data, Span<float> destination);
}
