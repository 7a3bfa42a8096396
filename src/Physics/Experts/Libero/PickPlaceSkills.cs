using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Waypoint plans that grasp a loose object and set it down somewhere else (spec B5.2).</summary>
public static class PickPlaceSkills
{
    /// <summary>
    /// Over the object at carrying height, pre-grasp above it, descend, close for 10 steps, lift to <paramref name="carryZ"/>, carry over the goal, lower until
    /// the object's origin is at <paramref name="placeAt"/>, open, retreat upward.
    /// </summary>
    /// <param name="grasp">Grip-site target (world) for the grasp; read live until the fingers close.</param>
    /// <param name="yaw">Yaw of the fingers' opening axis for the whole motion.</param>
    /// <param name="placeAt">Where the object's origin should be when it is let go (just above its resting height).</param>
    /// <param name="carryZ">World height of the grip site while carrying (clear of everything on the way).</param>
    /// <param name="point">Fingers' direction when not straight down (a tilt keeps the hand off a fixture beside the object).</param>
    /// <param name="placeYaw">Yaw of the opening axis from the carry on (default <paramref name="yaw"/>): the item turns with the hand on the way.</param>
    public static IEnumerable<Waypoint> PickAndPlace(PandaMotion hand, BodyProbe item, Func<MjData, Vec3> grasp, double yaw,
        Func<MjData, Vec3> placeAt, double carryZ, Vec3? point = null, double approach = 0.10, double lowerSpeed = 0.25,
        double? placeYaw = null)
    {
        var yaw2 = placeYaw ?? yaw;
        // Where the object sits relative to the grip site once held.
        var held = Vec3.Zero;
        // Over the object at carrying height first, turning the hand on the way: turned while already low, the 20 cm
        // hand can sweep across a neighbouring fixture (an open drawer) and catch on it.
        yield return new("over-object", d => (grasp(d) + new Vec3(0, 0, approach)).WithZ(Math.Max(carryZ, grasp(d).Z + approach)), -1, yaw, point,
            Tolerance: 0.02, MinSteps: 6, MaxSteps: 50);
        yield return new("above-object", d => grasp(d) + new Vec3(0, 0, approach), -1, yaw, point, Tolerance: 0.01, MaxSteps: 70);
        yield return new("descend", grasp, -1, yaw, point, Tolerance: 0.004, Speed: 0.3, MaxSteps: 40);
        yield return new("close", grasp, 1, yaw, point, Tolerance: 1, MinSteps: 10, Latch: true);
        yield return new("lift", d => hand.GripPosition(d).WithZ(carryZ), 1, yaw, point, Tolerance: 0.02, Latch: true, MaxSteps: 50);
        // Measured once lifted: an object that settles in the fingers while coming off the table is placed where it now hangs.
        yield return new("carry", d => (placeAt(d) - held).WithZ(carryZ), 1, yaw2, point, Tolerance: 0.012, MaxSteps: 70,
            OnEnter: d => held = item.Position(d) - hand.GripPosition(d));
        yield return new("lower", d => placeAt(d) - held, 1, yaw2, point, Tolerance: 0.004, Speed: lowerSpeed, MaxSteps: 50);
        // Open fully before moving off, then rise slowly, so the fingers do not drag what they let go of.
        yield return new("release", d => hand.GripPosition(d), -1, yaw2, point, Tolerance: 1, MinSteps: 10, Latch: true);
        yield return new("retreat", d => hand.GripPosition(d) + new Vec3(0, 0, 0.10), -1, yaw2, point, Tolerance: 0.02, Speed: 0.5, Latch: true, MaxSteps: 40);
    }
}
