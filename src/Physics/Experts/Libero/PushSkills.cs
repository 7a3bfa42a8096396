using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Waypoint plans that slide a flat object (a plate) over the table with the closed fingertips pressed onto it.</summary>
/// <remarks>
/// Pushing a plate by its rim does not work with our geometry: the rim is 1.6 cm high and its wall leans out 66° from
/// vertical, so a finger pressing it sideways rides up over it, and the 20 cm hand held low behind the plate runs into
/// the cabinet or the bowl beside it. Pressed down on the plate's floor instead, the fingers (friction 2.0) carry it
/// along against the table (1.0), in any direction, with the hand right above the plate.
/// </remarks>
public static class PushSkills
{
    /// <summary>
    /// Presses the closed fingertips onto the object's floor at its origin and slides it through each point of
    /// <paramref name="path"/> in turn (its origin within <paramref name="tolerance"/> of a point ends that leg), then lifts off.
    /// A leg whose object slips away from under the fingers is tried once more from above it.
    /// </summary>
    /// <param name="path">Table points (world xy) the object's origin is slid through, in order.</param>
    /// <param name="floorZ">World height of the surface pressed on (the plate's floor).</param>
    /// <param name="yaw">Yaw of the fingers' opening axis throughout: the 20 cm hand lies along it, chosen to miss neighbours.</param>
    public static IEnumerable<Waypoint> Slide(PandaMotion hand, BodyProbe item, IReadOnlyList<Vec3> path, double floorZ, double yaw,
        double tolerance = 0.008)
    {
        // The grip site is 5.4 mm above the fingertips; aiming 8 mm below the floor presses with a few newtons.
        const double tip = 0.0054;
        var press = floorZ + tip - 0.008;
        Vec3 Offset(MjData d) => (hand.GripPosition(d) - item.Position(d)).WithZ(0);
        // Fingertips on the floor (within 2 mm) and within 4 cm of the origin: pressing, whatever the leg.
        bool Pressing(MjData d) => Offset(d).Norm < 0.04 && hand.GripPosition(d).Z < floorZ + tip + 0.002;
        bool Lost(MjData d) => Offset(d).Norm > 0.05 || hand.GripPosition(d).Z > floorZ + tip + 0.01;
        // Over the object high enough first (the hand 25 cm up clears a cabinet's top), turned there: turned while lower,
        // its 20 cm can sweep onto a neighbour (a drawer's handle) and stay caught there.
        yield return new("over-object", d => item.Position(d).WithZ(floorZ + 0.25), 1, yaw, Tolerance: 0.02, MinSteps: 10, MaxSteps: 50);
        for (var i = 0; i < path.Count; i++)
        {
            var goal = path[i];
            bool Arrived(MjData d) => (goal - item.Position(d)).WithZ(0).Norm < tolerance;
            // The hand leads by 3 cm toward the leg's end: a shorter lead pulls too weakly to break the object's static
            // friction on the table, and the leg ends within the tolerance before the lead can overshoot it.
            Vec3 Ahead(MjData d)
            {
                var left = (goal - item.Position(d)).WithZ(0);
                return (hand.GripPosition(d) + left * (0.03 / Math.Max(left.Norm, 1e-6))).WithZ(press);
            }
            for (var attempt = 0; attempt < 2; attempt++)
            {
                yield return new($"above-{i}", d => item.Position(d).WithZ(floorZ + 0.05), 1, yaw, Tolerance: 0.006, Speed: 0.6, MaxSteps: 60,
                    Done: d => Arrived(d) || Pressing(d));
                yield return new($"press-{i}", d => item.Position(d).WithZ(press), 1, yaw, Tolerance: 0, Speed: 0.3, MaxSteps: 15,
                    Done: d => Arrived(d) || Pressing(d));
                yield return new($"slide-{i}", Ahead, 1, yaw, Tolerance: 0, Speed: 0.8, MaxSteps: 100, Done: d => Arrived(d) || Lost(d));
            }
        }
        yield return new("lift-off", d => hand.GripPosition(d) + new Vec3(0, 0, 0.08), 1, yaw, Tolerance: 0.02, Speed: 0.5, Latch: true, MaxSteps: 30);
    }
}
