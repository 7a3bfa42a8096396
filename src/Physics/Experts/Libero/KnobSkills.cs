using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Waypoint plans that turn LIBERO's stove knob on by pushing its lever round (spec B5.4).</summary>
public static class KnobSkills
{
    /// <summary>
    /// Turns the knob (a hinge about z at the stove origin, lever along local −x) counter-clockwise: closed fingers come
    /// down beside the lever and sweep an arc round the axis, pushing the lever ahead of them until it is past 0.5 rad.
    /// </summary>
    /// <param name="stove">The stove body; the knob axis is at its origin.</param>
    /// <param name="height">Height of the fingertips' push above the stove origin (the lever's middle).</param>
    /// <param name="knob">The knob's angle; the sweep stops once it is past <paramref name="goal"/>.</param>
    public static IEnumerable<Waypoint> TurnOn(PandaMotion hand, BodyProbe stove, double height, Func<MjData, double> knob, double goal = 0.65, double endAngle = 1.3)
    {
        // The pusher's centre runs at 4 cm from the axis, on the lever's leading side: the closed fingers are 2.4 cm
        // thick and the lever 1.2 cm, so the lever trails the pusher by ~0.45 rad.
        const double radius = 0.04, start = Math.PI - 0.85;
        var site = height + 0.005; // the grip site is 5 mm above the fingertips
        Vec3 At(double angle) => new(radius * Math.Cos(angle), radius * Math.Sin(angle), site);
        yield return new("above-lever", d => stove.Local(d, At(start) + new Vec3(0, 0, 0.06)), 1, Tolerance: 0.01, MaxSteps: 70);
        yield return new("beside-lever", d => stove.Local(d, At(start)), 1, Tolerance: 0.005, Speed: 0.3, MaxSteps: 40);
        for (var a = start + 0.2; a < Math.PI + endAngle + 1e-9; a += 0.2)
        {
            var angle = a;
            yield return new($"turn-{angle - Math.PI:F1}", d => stove.Local(d, At(angle)), 1, Tolerance: 0.005, Speed: 0.2, MaxSteps: 15,
                Done: d => knob(d) > goal);
        }
        yield return new("lift-off", d => hand.GripPosition(d) + new Vec3(0, 0, 0.08), 1, Tolerance: 0.02, MaxSteps: 30, Latch: true);
    }
    /// <summary>
    /// Turns the knob clockwise back to off: the closed fingers come down on the lever's other side, at the same 4 cm
    /// from the axis, and sweep round toward the knob's lower stop until its angle is below zero.
    /// </summary>
    /// <param name="start">The knob's angle when the plan starts (the lever then points along local −x turned by it).</param>
    public static IEnumerable<Waypoint> TurnOff(PandaMotion hand, BodyProbe stove, double height, double start, Func<MjData, double> knob, double goal = -0.001)
    {
        const double radius = 0.04;
        var site = height + 0.005;
        Vec3 At(double angle) => new(radius * Math.Cos(angle), radius * Math.Sin(angle), site);
        var from = Math.PI + start + 0.85;
        yield return new("above-lever", d => stove.Local(d, At(from) + new Vec3(0, 0, 0.06)), 1, Tolerance: 0.01, MaxSteps: 70);
        yield return new("beside-lever", d => stove.Local(d, At(from)), 1, Tolerance: 0.005, Speed: 0.3, MaxSteps: 40);
        // On to 0.9 rad past the stop: the lever trails the pusher by ~0.45 rad and more where the fingers ride up its
        // edge, and off means pressed into the stop (q < 0 with the stop at −0.005).
        for (var a = from - 0.2; a > Math.PI - 0.9 - 1e-9; a -= 0.2)
        {
            var angle = a;
            yield return new($"turn-{angle - Math.PI:F1}", d => stove.Local(d, At(angle)), 1, Tolerance: 0.005, Speed: 0.2, MaxSteps: 25,
                Done: d => knob(d) < goal);
        }
        yield return new("lift-off", d => hand.GripPosition(d) + new Vec3(0, 0, 0.08), 1, Tolerance: 0.02, MaxSteps: 30, Latch: true);
    }
}
