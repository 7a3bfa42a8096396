using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Robots;

/// <summary>MetaWorld's control: 4-D actions moving the mocap target by up to 1 cm per step plus a claw effort, 5 substeps at 400 Hz (spec B2).</summary>
public sealed class SawyerRig : IRobotRig
{
    public const double ActionScale = 0.01;
    public static readonly Vec3 MocapLow = new(-0.5, 0.40, 0.05);
    public static readonly Vec3 MocapHigh = new(0.5, 1.0, 0.5);

    private readonly int _mocap;
    private readonly int _hand;
    private readonly int _rightClaw;
    private readonly int _leftClaw;
    private readonly int _rightServo;
    private readonly int _leftServo;

    public SawyerRig(MjModel model)
    {
        _mocap = model.BodyMocapId(model.BodyId(SawyerHand.MocapBody));
        _hand = model.BodyId(SawyerHand.HandBody);
        _rightClaw = model.BodyId(SawyerHand.RightClawBody);
        _leftClaw = model.BodyId(SawyerHand.LeftClawBody);
        _rightServo = model.ActuatorId(SawyerHand.RightClawActuator);
        _leftServo = model.ActuatorId(SawyerHand.LeftClawActuator);
    }

    public int ActionDim => 4;

    public int Substeps => 5;

    /// <summary>MetaWorld's obs[0:4]: hand position and claw opening in [0, 1].</summary>
    public IReadOnlyList<(string Name, int Size)> ProprioFields { get; } = [("hand_pos", 3), ("gripper_opening", 1)];

    public void Reset(MjData data)
    {
    }

    public void SetAction(MjData data, ReadOnlySpan<double> action)
    {
        var mocap = data.MocapPos.Slice(3 * _mocap, 3);
        var target = Vec3.From(mocap) + new Vec3(action[0], action[1], action[2]) * ActionScale;
        target = new Vec3(Math.Clamp(target.X, MocapLow.X, MocapHigh.X), Math.Clamp(target.Y, MocapLow.Y, MocapHigh.Y),
            Math.Clamp(target.Z, MocapLow.Z, MocapHigh.Z));
        target.CopyTo(mocap);
        var ctrl = data.Ctrl;
        ctrl[_rightServo] = action[3];
        ctrl[_leftServo] = -action[3];
    }

    /// <summary>The claws' servos and the mocap target hold between control steps: nothing to do per substep.</summary>
    public bool ControlsEverySubstep => false;

    public void ApplySubstep(MjData data)
    {
    }

    public void WriteProprio(MjData data, Span<float> destination)
    {
        var hand = HandPosition(data);
        destination[0] = (float)hand.X;
        destination[1] = (float)hand.Y;
        destination[2] = (float)hand.Z;
        destination[3] = (float)Opening(data);
    }

    public Vec3 HandPosition(MjData data) => Vec3.From(data.Xpos, _hand);

    /// <summary>clip(‖right claw − left claw‖ / 0.1, 0, 1): 1 fully open.</summary>
    public double Opening(MjData data) => Math.Clamp((Vec3.From(data.Xpos, _rightClaw) - Vec3.From(data.Xpos, _leftClaw)).Norm / 0.1, 0, 1);

    /// <summary>Puts the hand and its mocap target at the task's start position with the claws open.</summary>
    public static void PlaceHand(MjModel model, MjData data, TaskSpec spec)
    {
        var adr = model.JointQposAddress(model.JointId(SawyerHand.HandJoint));
        spec.HandStart.CopyTo(data.Qpos.Slice(adr, 3));
        Quat.Identity.CopyTo(data.Qpos.Slice(adr + 3, 4));
        var mocap = model.BodyMocapId(model.BodyId(SawyerHand.MocapBody));
        spec.HandStart.CopyTo(data.MocapPos.Slice(3 * mocap, 3));
        Quat.Identity.CopyTo(data.MocapQuat.Slice(4 * mocap, 4));
    }
}
