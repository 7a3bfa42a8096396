using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;

namespace RiptOrleans.Physics.Robots;

/// <summary>MetaWorld's Sawyer end effector: a hand welded to a mocap target, with two servo-driven claws (spec B2).</summary>
/// <remarks>
/// The seven Sawyer joints are passive in MetaWorld and only follow the welded hand, so the arm is left out; the hand,
/// claws, weld and servo gains follow the spec. Both claws travel 0.045 m (MetaWorld's left claw stops at 0.03, which
/// leaves the claws unable to meet); the tcp site sits between the claw tips.
/// </remarks>
public static class SawyerHand
{
    public const string MocapBody = "mocap";
    public const string HandBody = "hand";
    public const string HandJoint = "hand_joint";
    public const string RightClawBody = "rightclaw";
    public const string LeftClawBody = "leftclaw";
    public const string RightClawJoint = "r_close";
    public const string LeftClawJoint = "l_close";
    public const string RightClawActuator = "r_close_servo";
    public const string LeftClawActuator = "l_close_servo";
    public const string TcpSite = "tcp";
    public const double ClawTravel = 0.045;
    public const double ClawOffset = 0.05;

    /// <summary>Adds the mocap target, the welded hand and its claw servos with the hand at <paramref name="start"/>.</summary>
    public static void Build(SceneBuilder scene, Vec3 start)
    {
        scene.World.Body(MocapBody, start).Mocap();
        var hand = scene.World.Body(HandBody, start)
            .FreeJoint(HandJoint)
            .Inertial(1.0, new(0, 0, 0.06), new(0.002, 0.002, 0.002))
            .Box("hand_palm", new(0.02, 0.065, 0.02), new(0, 0, 0.06), rgba: new Rgba(0.2, 0.2, 0.22))
            .Cylinder(null, 0.03, 0.05, new(0, 0, 0.13), rgba: new Rgba(0.6, 0.1, 0.1), collides: false)
            .Site(TcpSite, new(0, 0, -0.03), rgba: new Rgba(1, 0, 0, 0.3));
        var pad = new Surface(2.0, 0.1, 0.002, 4);
        foreach (var (body, joint, side, range) in new[]
                 {
                     (RightClawBody, RightClawJoint, -1.0, (0.0, ClawTravel)),
                     (LeftClawBody, LeftClawJoint, 1.0, (-ClawTravel, 0.0)),
                 })
        {
            hand.Body(body, new(0, side * ClawOffset, 0))
                .Inertial(0.05, Vec3.Zero, new(1e-5, 1e-5, 1e-5))
                .Slide(joint, new(0, 1, 0), range: range, damping: 1000, armature: 100)
                .Box($"{body}_pad", new(0.015, 0.003, 0.045), new(0, 0, -0.005), rgba: new Rgba(0.3, 0.3, 0.3), surface: pad);
        }
        scene.Weld(MocapBody, HandBody, [0.02, 1])
            .ExcludeContact(HandBody, RightClawBody)
            .ExcludeContact(HandBody, LeftClawBody)
            .ExcludeContact(RightClawBody, LeftClawBody)
            .Position(RightClawActuator, RightClawJoint, 400, (-1, 1))
            .Position(LeftClawActuator, LeftClawJoint, 400, (-1, 1));
    }
}
