using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes.Fixtures;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Waypoint plans that open a LIBERO cabinet drawer by its handle or push it shut (spec B5.3).</summary>
public static class DrawerSkills
{
    /// <summary>
    /// Opens the drawer past <paramref name="goal"/>: fingers pointing into the cabinet, pitched 60° down so the hand
    /// clears what stands in front (a straight-down approach would hit the handles above the lower drawers), open
    /// across the handle rod, close on it, pull along the slide, let go.
    /// </summary>
    public static IEnumerable<Waypoint> Pull(DrawerProbe drawer, double goal = -0.155)
    {
        const double pitch = 60 * Math.PI / 180;
        var point = -drawer.Out * Math.Cos(pitch) + new Vec3(0, 0, -Math.Sin(pitch));
        yield return new("pre-handle", d => drawer.Handle(d) - point * 0.10, -1, Point: point, Tolerance: 0.012, MaxSteps: 70);
        yield return new("reach-handle", d => drawer.Handle(d), -1, Point: point, Tolerance: 0.005, Speed: 0.3, MaxSteps: 40);
        yield return new("grasp-handle", d => drawer.Handle(d), 1, Point: point, Tolerance: 1, MinSteps: 10);
        yield return new("pull", d => drawer.Handle(d) + drawer.Out * 0.04, 1, Point: point, Tolerance: 0, Speed: 0.4, MaxSteps: 60,
            Done: d => drawer.Q(d) < goal);
        yield return new("release-handle", d => drawer.Handle(d), -1, Point: point, Tolerance: 1, MinSteps: 8, Latch: true);
        yield return new("back-off", d => drawer.Handle(d) - point * 0.10, -1, Point: point, Tolerance: 0.02, Latch: true);
    }

    /// <summary>
    /// Pushes an open drawer shut: closed fingers pointing down just in front of its handle bar, opening across the
    /// push so the hand's narrow side faces the cabinet, then along the slide until it is closed.
    /// </summary>
    public static IEnumerable<Waypoint> Push(DrawerProbe drawer, double clearance = 0.06, double goal = 0.004)
    {
        // Opening axis (−sin yaw, cos yaw) across the push direction.
        var yaw = Math.Atan2(drawer.Out.Y, drawer.Out.X);
        // Closed fingers are 2.4 cm thick: their centre stops 1.5 cm beyond the rod's end.
        var front = Cabinet.HandleHalfSize.Y + 0.015;
        yield return new("above-handle", d => drawer.Handle(d) + drawer.Out * front + new Vec3(0, 0, clearance), 1, yaw,
            Tolerance: 0.012, MaxSteps: 70);
        yield return new("front-of-handle", d => drawer.Handle(d) + drawer.Out * front, 1, yaw, Tolerance: 0.006, Speed: 0.4, MaxSteps: 40);
        yield return new("push", d => drawer.Handle(d) - drawer.Out * 0.04, 1, yaw, Tolerance: 0, Speed: 0.4, MaxSteps: 60,
            Done: d => drawer.Q(d) > goal);
        yield return new("back-off", d => drawer.Handle(d) + drawer.Out * 0.08, 1, yaw, Tolerance: 0.02, Latch: true);
    }

    /// <summary>
    /// Pushes an open lower drawer shut by its handle's end with the closed fingertips, the fingers pointing into the
    /// cabinet pitched 30° down: the palm then stays back from the cabinet's face, where a hand pointing straight down
    /// would reach, at the height of the drawer above, that drawer's handle. Pitched 60° (as <see cref="Pull"/> holds
    /// them) the palm's near edge came within 3 cm of the face 5 cm up and met the handle above 3–4 mm before shut.
    /// </summary>
    public static IEnumerable<Waypoint> PushPitched(DrawerProbe drawer, double goal = 0.004)
    {
        const double pitch = 30 * Math.PI / 180;
        var point = -drawer.Out * Math.Cos(pitch) + new Vec3(0, 0, -Math.Sin(pitch));
        // The handle rod's outer end; the grip site is 5.4 mm behind the fingertips along the fingers.
        Vec3 End(MjData d) => drawer.Handle(d) + drawer.Out * Cabinet.HandleHalfSize.Y - point * 0.0054;
        yield return new("pre-push", d => End(d) - point * 0.08, 1, Point: point, Tolerance: 0.012, MaxSteps: 70);
        yield return new("to-handle-end", d => End(d) - point * 0.01, 1, Point: point, Tolerance: 0.006, Speed: 0.4, MaxSteps: 40);
        // The damped slide closes 2.5–3 mm a step under the pitched push: 16 cm takes 55–60 steps, so 90 are allowed.
        yield return new("push", d => End(d) - drawer.Out * 0.04, 1, Point: point, Tolerance: 0, Speed: 0.4, MaxSteps: 90,
            Done: d => drawer.Q(d) > goal);
        yield return new("back-off", d => End(d) - point * 0.10, 1, Point: point, Tolerance: 0.02, Latch: true);
    }
}
