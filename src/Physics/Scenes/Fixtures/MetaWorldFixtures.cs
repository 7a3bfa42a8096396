using RiptOrleans.Physics.Geometry;
using static RiptOrleans.Physics.Scenes.Fixtures.Mechanism;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// MetaWorld's articulated objects rebuilt by value from their collision geometry (spec B3; objects/assets/*.xml):
/// doors and the lock, the window, the button box, the coffee machine, the handle press, the lever, the dial, the faucet
/// and the sliding plate. Each is a <see cref="Mechanism"/>; its frame is MetaWorld's body frame.
/// </summary>
public static class MetaWorldFixtures
{
    private static readonly Rgba Frame = new(0.55, 0.4, 0.3);
    private static readonly Rgba Panel = new(0.72, 0.58, 0.42);
    private static readonly Rgba Metal = new(0.65, 0.66, 0.68);
    private static readonly Rgba Dark = new(0.2, 0.2, 0.22);
    private static readonly Rgba Red = new(0.8, 0.15, 0.12);

    private static readonly Quat AlongY = Quat.FromAxisAngle(new Vec3(1, 0, 0), Math.PI / 2);
    private static readonly Quat AlongX = Quat.FromAxisAngle(new Vec3(0, 1, 0), Math.PI / 2);

    private static Shape Box(Vec3 half, Vec3 pos, Rgba color) => new(ShapeKind.Box, half, pos, color);
    private static Shape Cylinder(double r, double halfLength, Vec3 pos, Rgba color, Quat? rotation = null) => new(ShapeKind.Cylinder, new(r, halfLength, 0), pos, color, rotation);
    private static Shape Capsule(double r, double halfLength, Vec3 pos, Rgba color, Quat? rotation = null) => new(ShapeKind.Capsule, new(r, halfLength, 0), pos, color, rotation);
    private static Shape Sphere(double r, Vec3 pos, Rgba color) => new(ShapeKind.Sphere, new(r, 0, 0), pos, color);

    /// <summary>The door frame of doorlockA/B: posts, lintel, sill and back, 0.44 x 0.21 x 0.30 m about the body's origin.</summary>
    private static Shape[] DoorFrame() =>
    [
        Box(new(0.016, 0.106, 0.15), new(-0.204, 0, 0), Frame), Box(new(0.016, 0.106, 0.15), new(0.204, 0, 0), Frame),
        Box(new(0.188, 0.106, 0.012), new(0, 0, 0.138), Frame), Box(new(0.189, 0.106, 0.012), new(0, 0, -0.138), Frame),
        Box(new(0.188, 0.012, 0.126), new(0, 0.094, 0), Frame),
    ];

    /// <summary>
    /// doorlockB: the door on a hinge about z at (−0.185, −0.1, 0) (range [−2, 0]; negative swings it open toward −y), its
    /// handle 0.33–0.40 m along it sticking out 0.12 m; site <c>handle</c> on the grip bar (MetaWorld's "handle" geom).
    /// </summary>
    public static Mechanism Door(string name) => new(name, 0.30, 0.25, DoorFrame(),
        new("door", new(-0.185, -0.1, 0), [new("hinge", true, Vec3.UnitZ, (-2, 0), Damping: 1)],
        [
            Box(new(0.18, 0.01, 0.123), new(0.185, 0, 0), Panel),
            Cylinder(0.028, 0.012, new(0.325, -0.006, 0), Metal, AlongY), Cylinder(0.013, 0.047, new(0.325, -0.065, 0), Metal, AlongY),
            Cylinder(0.019, 0.075, new(0.381, -0.12, 0), Metal, AlongX), Cylinder(0.023, 0.054, new(0.395, -0.12, 0), Metal, AlongX),
        ], [("handle", new Vec3(0.381, -0.12, 0))], Density: 300));

    /// <summary>
    /// doorlockA: the door fixed in its frame and a lock lever on a hinge about y (range [0, 1.57]) whose positive turn
    /// takes it from level down to vertical (locked); sites at the lever's end where MetaWorld's policies push.
    /// </summary>
    /// <remarks>
    /// The lever stands 4 cm further out of the door on a spindle, and is 7 cm deep rather than 3.8: the claws work it
    /// with the palm, 13 cm long along the same axis, held in front of the lock's housing; on MetaWorld's short spindle
    /// the palm lands on the housing whenever the claws reach the lever hanging down. The hinge has dry friction
    /// (0.15 N m, above the lever's 0.09 N m of weight) so the lever stays where it is left, as a lock's detent holds it:
    /// level until pushed down, and part way up where the claws lose it under action noise. A 2.4 cm lip under the lever's
    /// end (MetaWorld's lever has none) holds the claws sweeping it back up from hanging: on the bare end they slid past it
    /// (door-unlock's expert reached 64 % without it; door-lock pushes the lever's top and never meets the lip).
    /// </remarks>
    public static Mechanism LockDoor(string name) => new(name, 0.30, 0.25,
        [
            .. DoorFrame(), Box(new(0.184, 0.01, 0.124), new(0, -0.1, 0), Panel), Box(new(0.047, 0.013, 0.047), new(0, -0.109, 0.061), Metal),
            Box(new(0.028, 0.012, 0.028), new(0.14, -0.106, -0.05), Metal), Box(new(0.013, 0.047, 0.013), new(0.14, -0.165, -0.05), Metal),
            Cylinder(0.008, 0.018, new(0, -0.14, 0.061), Metal, AlongY),
        ],
        new("lock", new(0, -0.158, 0.061), [new("hinge", true, new(0, 1, 0), (0, 1.57), Damping: 0.1, FrictionLoss: 0.15)],
            [Box(new(0.05, 0.035, 0.01), new(0.042, -0.04, 0), Red), Box(new(0.006, 0.035, 0.012), new(0.086, -0.04, -0.022), Red)],
            // Heavier than paper (0.2 kg): the claws' pinch sinks centimetres into a part of a few grams.
            [("lock_start", new Vec3(0.09, -0.06, 0.01)), ("unlock_start", new Vec3(0.09, -0.06, -0.01))], Density: 1500));

    /// <summary>
    /// window_horiz: a frame with a fixed pane on the right and a sash sliding along +x (range [0, 0.2]) with a bar handle
    /// standing 9.5 cm out of it; sites where MetaWorld measures the handle for opening and closing.
    /// </summary>
    public static Mechanism Window(string name) => new(name, 0.40, 0.27,
        [
            Box(new(0.015, 0.03, 0.181), new(-0.216, 0, 0), Frame), Box(new(0.015, 0.03, 0.181), new(0.216, 0, 0), Frame),
            Box(new(0.25, 0.06, 0.01), new(0, 0, -0.192), Frame), Box(new(0.201, 0.03, 0.015), new(0, 0, -0.166), Frame),
            Box(new(0.201, 0.03, 0.015), new(0, 0, 0.166), Frame), Box(new(0.08, 0.012, 0.13), new(0.1, 0.013, 0), new Rgba(0.7, 0.8, 0.9, 0.6)),
        ],
        new("sash", Vec3.Zero, [new("slide", false, new(1, 0, 0), (0, 0.2), Damping: 5)],
        [
            Box(new(0.014, 0.012, 0.15), new(-0.014, -0.013, 0), Frame), Box(new(0.01, 0.012, 0.15), new(-0.19, -0.013, 0), Frame),
            Box(new(0.076, 0.012, 0.01), new(-0.104, -0.013, 0.14), Frame), Box(new(0.076, 0.012, 0.01), new(-0.104, -0.013, -0.14), Frame),
            Box(new(0.076, 0.001, 0.13), new(-0.104, -0.018, 0), new Rgba(0.7, 0.8, 0.9, 0.6)),
            Capsule(0.008, 0.035, new(-0.014, -0.06, 0.045), Metal, AlongY), Capsule(0.008, 0.035, new(-0.014, -0.06, -0.045), Metal, AlongY),
            Capsule(0.008, 0.045, new(-0.014, -0.095, 0), Metal),
        ], [("open_start", new Vec3(-0.04, -0.095, 0)), ("close_start", new Vec3(0.01, -0.095, 0))], Density: 200));

    /// <summary>
    /// buttonbox: a housing with a square hole on its local −y face and a button of three coaxial cylinders sliding in it
    /// (axis −y, range [−0.06, 0]: negative presses it in) against a weak spring; <paramref name="topDown"/> turns the box so
    /// the button faces up. Site <c>button</c> on the button's face.
    /// </summary>
    public static Mechanism ButtonBox(string name, bool topDown) => new(name, topDown ? 0.31 : 0.24, 0.13,
        [
            Box(new(0.12, 0.102, 0.048), new(0, 0.012, 0.072), Frame), Box(new(0.12, 0.102, 0.048), new(0, 0.012, -0.072), Frame),
            Box(new(0.047, 0.102, 0.024), new(-0.073, 0.012, 0), Frame), Box(new(0.047, 0.102, 0.024), new(0.073, 0.012, 0), Frame),
        ],
        new("button", Vec3.Zero, [new("slide", false, new(0, -1, 0), (-0.06, 0), Damping: 1, Stiffness: 0.5, SpringRef: 0.5)],
        [
            Cylinder(0.021, 0.039, new(0, -0.128, 0), Red, AlongY), Cylinder(0.026, 0.008, new(0, -0.166, 0), Red, AlongY),
            Cylinder(0.043, 0.011, new(0, -0.183, 0), Red, AlongY),
        ], [("face", new Vec3(0, -0.1935, 0))], Density: 100),
        BaseRotation: topDown ? Quat.FromAxisAngle(new Vec3(1, 0, 0), -Math.PI / 2) : null);

    /// <summary>
    /// The coffee machine: a body box, a head over the cup place with the spout, and the start button on the head's front
    /// sliding in along +y (range [0, 0.03]); site <c>button</c> on its face, <c>cup</c> under the spout.
    /// </summary>
    public static Mechanism CoffeeMachine(string name) => new(name, 0.37, 0.15,
        [
            Box(new(0.1, 0.098, 0.115), new(0, 0, 0.115), Dark), Box(new(0.1, 0.098, 0.07), new(0, 0, 0.3), Dark),
            Box(new(0.031, 0.05, 0.035), new(0.069, -0.133, 0.3), Dark), Box(new(0.031, 0.05, 0.035), new(-0.069, -0.133, 0.3), Dark),
            Box(new(0.1, 0.05, 0.018), new(0, -0.133, 0.352), Dark), Box(new(0.1, 0.05, 0.018), new(0, -0.133, 0.248), Dark),
            Cylinder(0.016, 0.041, new(0, -0.141, 0.152), Metal),
        ],
        new("button", Vec3.Zero, [new("slide", false, new(0, 1, 0), (0, 0.03), Damping: 1)],
            [Cylinder(0.032, 0.03, new(0, -0.19, 0.3), Red, AlongY)], [("button", new Vec3(0, -0.22, 0.3))], Density: 100),
        [("cup", new Vec3(0, -0.22, 0))]);

    /// <summary>
    /// The handle press: a small base and a long handle on a vertical slide (range [−0.1, 0], damping 30) reaching 0.2 m out
    /// along −y at 0.15 m; site <c>handle</c> at its end's top (MetaWorld's handleStart).
    /// </summary>
    public static Mechanism HandlePress(string name) => new(name, 0.17, 0.2,
        [Box(new(0.035, 0.028, 0.014), new(0, -0.082, 0.014), Frame), Box(new(0.02, 0.02, 0.075), new(0, -0.05, 0.075), Frame)],
        new("handle", new(0, -0.05, 0.15), [new("slide", false, Vec3.UnitZ, (-0.1, 0), Damping: 30)],
        [
            Box(new(0.032, 0.075, 0.011), new(0, -0.081, 0), Red), Cylinder(0.022, 0.07, new(0, -0.166, 0), Red, AlongX),
        // Heavier than MetaWorld's few grams: the claws' pinch sinks centimetres into a part that light.
        ], [("handle", new Vec3(0, -0.166, 0.022)), ("handle_side", new Vec3(0.05, -0.166, 0.014))], Density: 600));

    /// <summary>
    /// The lever: a post and a lever arm on a hinge about −x at (0.12, 0, 0.25) (range [0, 1.57]: positive swings it up) pointing
    /// along −y with a ball at its end; site <c>tip</c> on the ball (MetaWorld's leverStart).
    /// </summary>
    public static Mechanism Lever(string name) => new(name, 0.33, 0.12,
        [
            Box(new(0.041, 0.083, 0.125), new(0, 0, 0.125), Frame), Cylinder(0.083, 0.041, new(0, 0, 0.25), Frame, AlongX),
            Box(new(0.05, 0.092, 0.013), new(0, 0, 0.013), Frame),
        ],
        new("arm", new(0.12, 0, 0.25), [new("hinge", true, new(-1, 0, 0), (0, 1.57), Damping: 0.5)],
        [
            Cylinder(0.038, 0.016, Vec3.Zero, Metal, AlongX), Cylinder(0.012, 0.1, new(0, -0.091, 0), Metal, AlongY),
            Sphere(0.03, new(0, -0.2, 0), Red),
        ], [("tip", new Vec3(0, -0.2, 0))], Density: 100));

    /// <summary>The dial: a round base and a knob with a ridge, turning about z (range ±3.14); site <c>mark</c> on its rim (MetaWorld's dialStart).</summary>
    public static Mechanism Dial(string name) => new(name, 0.07, 0.06,
        [Cylinder(0.05, 0.004, new(0, 0, 0.004), Dark)],
        new("knob", Vec3.Zero, [new("hinge", true, Vec3.UnitZ, (-3.14, 3.14), Damping: 0.5)],
        [
            Cylinder(0.05, 0.018, new(0, 0, 0.026), Metal), Box(new(0.015, 0.046, 0.015), new(0, 0, 0.059), Metal),
            new(ShapeKind.Box, new(0.004, 0.01, 0.006), new(0, -0.038, 0.07), Red, Collides: false),
        ], [("mark", new Vec3(0, -0.05, 0.035))], Density: 200));

    /// <summary>
    /// The faucet: a base and a spout column, and a handle arm 0.175 m long turning about z at 0.124 m (range ±1.57),
    /// pointing along −y at rest; sites at its end on either side (MetaWorld's handleStartOpen and handleStartClose).
    /// </summary>
    public static Mechanism Faucet(string name) => new(name, 0.15, 0.2,
        [Cylinder(0.046, 0.009, new(0, 0, 0.009), Metal), Cylinder(0.017, 0.044, new(0, 0, 0.061), Metal)],
        new("handle", new(0, 0, 0.124), [new("hinge", true, Vec3.UnitZ, (-1.57, 1.57), Damping: 1)],
        [
            Cylinder(0.032, 0.02, new(0, 0, 0.001), Metal), Cylinder(0.012, 0.021, new(0, -0.05, 0.001), Metal, AlongY),
            Capsule(0.017, 0.055, new(0, -0.12, 0.001), Red, AlongY),
        ], [("open_start", new Vec3(-0.015, -0.175, 0)), ("close_start", new Vec3(0.015, -0.175, 0))], Density: 200));

    /// <summary>
    /// The sliding plate of the plate-slide tasks: a 0.1 m square plate, 3 cm thick, on two slide joints in the table's
    /// plane (x ±0.3, y ±0.35 about its start); its base is only the joints' anchor. Site <c>plate</c> at its centre.
    /// </summary>
    public static Mechanism SlidingPlate(string name) => new(name, 0.03, 0.08, [],
        new("plate", Vec3.Zero,
        [
            new("slide_x", false, new(1, 0, 0), (-0.3, 0.3), Damping: 5), new("slide_y", false, new(0, 1, 0), (-0.35, 0.35), Damping: 5),
        ], [Box(new(0.05, 0.05, 0.015), new(0, 0, 0.015), new Rgba(0.85, 0.85, 0.82))], [("plate", new Vec3(0, 0, 0.015))], Density: 400));

    /// <summary>
    /// The thermos of the stick tasks: a 0.12 m wide, 0.22 m tall flask on two slide joints in the table's plane (range
    /// ±0.2 each, damping 1) with a D-shaped handle loop on its −y side; site <c>insertion</c> in the loop (MetaWorld's
    /// container point).
    /// </summary>
    /// <remarks>
    /// A stop closes the loop's +x side: the stick, poked into the loop from −x, bears on it, so the thermos can be drawn
    /// toward +x as well as toward the robot (MetaWorld's loop is open both ways, and a stick through it drags the flask
    /// only across its axis).
    /// </remarks>
    public static Mechanism Thermos(string name) => new(name, 0.24, 0.08, [],
        new("flask", Vec3.Zero,
        [
            new("slide_x", false, new(1, 0, 0), (-0.2, 0.2), Damping: 1), new("slide_y", false, new(0, 1, 0), (-0.2, 0.2), Damping: 1),
        ],
        [
            Cylinder(0.06, 0.1, new(0, 0, 0.14), new Rgba(0.3, 0.45, 0.6)), Cylinder(0.062, 0.02, new(0, 0, 0.02), Dark),
            Box(new(0.01, 0.005, 0.068), new(0, -0.135, 0.132), Dark), Box(new(0.01, 0.04, 0.005), new(0, -0.09, 0.195), Dark),
            Box(new(0.01, 0.04, 0.005), new(0, -0.09, 0.069), Dark), Box(new(0.005, 0.04, 0.058), new(0.035, -0.09, 0.132), Dark),
        ], [("insertion", new Vec3(0, -0.09, 0.132))], Density: 300));

    /// <summary>
    /// The hammer's nail box: a block with a nail sticking out of its −y face 0.11 m up, the nail on a slide along +y
    /// (range [0, 0.1]): hammered in as it slides in. Site <c>nail</c> on the nail's head.
    /// </summary>
    public static Mechanism NailBox(string name) => new(name, 0.22, 0.12,
        [
            Box(new(0.1, 0.1, 0.048), new(0, 0, 0.172), Frame), Box(new(0.042, 0.1, 0.014), new(0.058, 0, 0.11), Frame),
            Box(new(0.042, 0.1, 0.014), new(-0.058, 0, 0.11), Frame), Box(new(0.1, 0.1, 0.048), new(0, 0, 0.048), Frame),
        ],
        new("nail", new(0, -0.21, 0.11), [new("slide", false, new(0, 1, 0), (0, 0.1), Damping: 5)],
            [Cylinder(0.01, 0.06, new(0, 0.057, 0), Metal, AlongY), Cylinder(0.03, 0.009, Vec3.Zero, Metal, AlongY)],
            [("nail", new Vec3(0, -0.009, 0))], Density: 2000));
}
