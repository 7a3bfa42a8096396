using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>
/// How close the Panda's hand comes to upright neighbours at a grasp pose: the palm (20 cm along the fingers' opening
/// axis, 5 cm thick) and the open fingers as two boxes, each neighbour as a vertical column of its radius from the floor
/// to its top. Experts pick among grasp candidates the one with the most room.
/// </summary>
public static class HandClearance
{
    /// <summary>An upright neighbour: centre at its bottom, radius and height.</summary>
    public readonly record struct Column(Vec3 Bottom, double Radius, double Height);

    // The palm and the open finger pair in the grip site's frame: offset along the fingers (negative = toward the
    // wrist) and half extents along (opening axis, thickness axis, finger axis); PandaArm's collision boxes.
    private static readonly (double Along, Vec3 Half)[] Boxes =
    [
        (-0.067, new Vec3(0.1, 0.025, 0.025)),
        (-0.0205, new Vec3(0.052, 0.011, 0.026)),
    ];

    /// <summary>
    /// The smallest gap (m) between the hand and any column with the grip site at <paramref name="grip"/>, the fingers
    /// pointing along the unit <paramref name="finger"/> and opening along the horizontal unit <paramref name="opening"/>;
    /// negative when they overlap. Columns are sampled every centimetre of their height.
    /// </summary>
    public static double Gap(Vec3 grip, Vec3 finger, Vec3 opening, IEnumerable<Column> columns)
    {
        var thickness = finger.Cross(opening);
        var gap = double.MaxValue;
        foreach (var c in columns)
        {
            var steps = Math.Max(1, (int)Math.Ceiling(c.Height / 0.01));
            for (var k = 0; k <= steps; k++)
            {
                var p = c.Bottom + new Vec3(0, 0, c.Height * k / steps);
                foreach (var (along, half) in Boxes)
                {
                    var d = p - (grip + finger * along);
                    // Distance from the column's axis point to the box, less the column's radius (the box's axes are
                    // not all horizontal, so this is exact only for the axis point; good to a few millimetres).
                    var o = Math.Max(0, Math.Abs(d.Dot(opening)) - half.X);
                    var t = Math.Max(0, Math.Abs(d.Dot(thickness)) - half.Y);
                    var f = Math.Max(0, Math.Abs(d.Dot(finger)) - half.Z);
                    gap = Math.Min(gap, Math.Sqrt(o * o + t * t + f * f) - c.Radius);
                }
            }
        }
        return gap;
    }

    /// <summary>The fingers' opening axis for a straight-down hand at <paramref name="yaw"/> (as <see cref="Waypoint.Yaw"/> measures it).</summary>
    public static Vec3 OpeningAt(double yaw) => new(-Math.Sin(yaw), Math.Cos(yaw), 0);
}
