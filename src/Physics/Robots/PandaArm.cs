using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;

namespace RiptOrleans.Physics.Robots;

/// <summary>The Panda-like 7-DoF arm with its parallel gripper, built from published kinematics (research spec A3).</summary>
/// <remarks>
/// Link frames, joint ranges, masses and actuator limits follow robosuite 1.4's values as tabulated in the spec; the
/// geometry is ours (capsules and boxes). Arm links are visual only: contacts come from the hand and fingers, which
/// keeps the contact count, and so the step cost, low. The gripper root's inertia is given a physical value
/// (0.3 kg, ~1e-3 kg m²) instead of robosuite's (0.09, 0.07, 0.05), which is too large for a hand.
/// </remarks>
public static class PandaArm
{
    public const int ArmDofs = 7;
    public const string Prefix = "robot0_";
    public const string GripSite = "gripper0_grip_site";
    public const string HandBody = "robot0_right_hand";
    public const string WristCamera = "robot0_eye_in_hand";
    public const string LeftFingerBody = "gripper0_leftfinger";
    public const string RightFingerBody = "gripper0_rightfinger";
    public const string LeftFingerJoint = "gripper0_finger_joint1";
    public const string RightFingerJoint = "gripper0_finger_joint2";
    public const string LeftFingerActuator = "gripper0_finger1";
    public const string RightFingerActuator = "gripper0_finger2";

    /// <summary>Maximum travel of each finger (m); the gripper opens to twice this.</summary>
    public const double FingerTravel = 0.04;

    /// <summary>Nominal initial arm configuration (rad), LIBERO's mounted Panda.</summary>
    public static readonly double[] InitQpos = [0, -0.16104, 0, -2.44460, 0, 2.22675, Math.PI / 4];

    /// <summary>Initial finger positions: half open.</summary>
    public static readonly double[] InitFingerQpos = [0.020833, -0.020833];

    /// <summary>Torque limits of the seven arm motors (N m).</summary>
    public static readonly double[] TorqueLimits = [80, 80, 80, 80, 80, 12, 12];

    public static readonly double[] JointDamping = [0.1, 0.1, 0.1, 0.1, 0.1, 0.01, 0.01];

    public static string JointName(int i) => $"{Prefix}joint{i + 1}";

    public static string MotorName(int i) => $"{Prefix}torq_j{i + 1}";

    private static readonly (double Lo, double Hi)[] JointRanges =
    [
        (-2.8973, 2.8973), (-1.7628, 1.7628), (-2.8973, 2.8973), (-3.0718, -0.0698),
        (-2.8973, 2.8973), (-0.0175, 3.7525), (-2.8973, 2.8973),
    ];

    private const double S = 0.70710678118654757;

    // Each link's frame in its parent (spec A3), mass, diagonal inertia and centre of mass.
    private static readonly (Vec3 Pos, Quat Quat, double Mass, double Inertia, Vec3 Com)[] Links =
    [
        (new(0, 0, 0.333), Quat.Identity, 3, 0.3, new(0, 0, -0.07)),
        (new(0, 0, 0), new(S, -S, 0, 0), 3, 0.3, new(0, -0.1, 0)),
        (new(0, -0.316, 0), new(S, S, 0, 0), 2, 0.2, new(0.04, 0, -0.05)),
        (new(0.0825, 0, 0), new(S, S, 0, 0), 2, 0.2, new(-0.04, 0.05, 0)),
        (new(-0.0825, 0.384, 0), new(S, -S, 0, 0), 2, 0.2, new(0, 0, -0.15)),
        (new(0, 0, 0), new(S, S, 0, 0), 1.5, 0.1, new(0.06, 0, 0)),
        (new(0.088, 0, 0), new(S, S, 0, 0), 0.5, 0.05, new(0, 0, 0.08)),
    ];

    private static readonly Rgba ArmWhite = new(0.95, 0.95, 0.95);
    private static readonly Rgba ArmGrey = new(0.25, 0.25, 0.27);

    /// <summary>Adds the arm (base link0 at <paramref name="basePos"/>), its motors and gripper servos to a scene.</summary>
    public static void Build(SceneBuilder scene, Vec3 basePos, Quat? baseQuat = null)
    {
        var link = scene.World.Body($"{Prefix}link0", basePos, baseQuat)
            .Inertial(4, Vec3.Zero, new(0.4, 0.4, 0.4))
            .Cylinder(null, 0.06, 0.07, new(0, 0, 0.07), rgba: ArmWhite, collides: false);
        for (var i = 0; i < ArmDofs; i++)
        {
            var (pos, quat, mass, inertia, com) = Links[i];
            link = link.Body($"{Prefix}link{i + 1}", pos, quat)
                .Inertial(mass, com, new(inertia, inertia, inertia))
                .Hinge(JointName(i), Vec3.UnitZ, range: JointRanges[i], damping: JointDamping[i]);
            AddLinkVisual(link, i);
            scene.Motor(MotorName(i), JointName(i), TorqueLimits[i]);
        }

        // Flange, then the gripper root rotated -90° about z: its x axis is the fingers' opening axis, z points out of the hand.
        var hand = link.Body(HandBody, new(0, 0, 0.1065), new(0.9238795, 0, 0, -0.3826834))
            .Inertial(0.5, Vec3.Zero, new(0.05, 0.05, 0.05))
            .Camera(WristCamera, new(0.05, 0, 0), new(0, S, S, 0), 75);
        var gripper = hand.Body("gripper0_root", Vec3.Zero, new(S, 0, 0, -S))
            .Inertial(0.3, new(0, 0, 0.04), new(0.0009, 0.0007, 0.0005))
            .Box("gripper0_hand_collision", new(0.1, 0.025, 0.025), new(0, 0, 0.03), rgba: ArmWhite, surface: Surface.Default)
            .Site(GripSite, new(0, 0, 0.097), rgba: new Rgba(1, 0, 0, 0.3));

        var fingerSurface = new Surface(2.0, 0.05, 0.0001, 4, [0.002, 1], [0.95, 0.99, 0.001]);
        foreach (var (body, joint, dir, range) in new[]
                 {
                     (LeftFingerBody, LeftFingerJoint, -1.0, (0.0, FingerTravel)),
                     (RightFingerBody, RightFingerJoint, -1.0, (-FingerTravel, 0.0)),
                 })
        {
            // At q = 0 both inner faces meet at x = 0; finger 1 lies on the -x side and opens with q > 0.
            var side = body == LeftFingerBody ? -1.0 : 1.0;
            gripper.Body(body, new(0, 0, 0.0524))
                .Inertial(0.1, new(side * 0.006, 0, 0.025), new(1e-4, 1e-4, 2e-5))
                .Slide(joint, new(dir, 0, 0), range: range, damping: 100, armature: 1.0, frictionLoss: 1.0)
                .Box($"{body}_collision", new(0.006, 0.011, 0.026), new(side * 0.006, 0, 0.024), rgba: ArmGrey, surface: fingerSurface);
        }
        scene.ExcludeContact(LeftFingerBody, RightFingerBody)
            .ExcludeContact("gripper0_root", LeftFingerBody)
            .ExcludeContact("gripper0_root", RightFingerBody)
            .Position(LeftFingerActuator, LeftFingerJoint, 1000, (0, FingerTravel), forceLimit: 20)
            .Position(RightFingerActuator, RightFingerJoint, 1000, (-FingerTravel, 0), forceLimit: 20);
    }

    private static void AddLinkVisual(MjcfBody link, int i)
    {
        var rgba = i == 6 ? ArmGrey : ArmWhite;
        _ = i switch
        {
            0 => link.CapsuleFromTo(null, 0.06, new(0, 0, -0.19), new(0, 0, -0.02), rgba, collides: false),
            1 => link.CapsuleFromTo(null, 0.06, Vec3.Zero, new(0, -0.22, 0), rgba, collides: false),
            2 => link.CapsuleFromTo(null, 0.055, new(0, 0, -0.12), new(0.0825, 0, 0), rgba, collides: false),
            3 => link.CapsuleFromTo(null, 0.055, Vec3.Zero, new(-0.0825, 0.12, 0), rgba, collides: false),
            4 => link.CapsuleFromTo(null, 0.05, new(0, 0, -0.26), new(0, 0, -0.02), rgba, collides: false),
            5 => link.CapsuleFromTo(null, 0.045, new(0, 0, -0.02), new(0.088, 0, 0), rgba, collides: false),
            _ => link.CapsuleFromTo(null, 0.04, new(0, 0, 0), new(0, 0, 0.09), rgba, collides: false),
        };
    }
}
