using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// LIBERO's wine rack (LIBERO-Goal): a 0.269 x 0.254 x 0.33 m wooden frame, origin at the bottom centre, front toward
/// local −y, whose goal site <c>top_region</c> sits at (0, −0.08, 0.217), half (0.101, 0.022, 0.0025), tilted −62.5° about
/// x (spec A6.2). The original is a mesh; here the site's tilt decides the shape: three V-troughs side by side rise
/// from a stop board toward the back at 27.5°, and the site is the stop board's face. A bottle laid in a trough rests
/// diagonally, neck up and back, its bottom against the stop: its origin (the bottom centre) then lies inside the site
/// slab's window of the On test (within 2.2 cm of the trough axis, 0 to 10 cm off the face) while touching the rack.
/// </summary>
public sealed record WineRack(string Name, Rgba Color) : IScenePart
{
    /// <summary>Tilt of the top region about local x (rad): its normal, the troughs' axis, rises 27.5° toward +y.</summary>
    public const double Tilt = -62.5 * Math.PI / 180;

    /// <summary>Half extents of the top region site.</summary>
    public static readonly Vec3 TopRegionHalfSize = new(0.101, 0.022, 0.0025);

    /// <summary>Centre of the top region (the middle trough's axis meets the stop board's face here), local frame.</summary>
    public static readonly Vec3 TopRegionOffset = new(0, -0.08, 0.217);

    /// <summary>Local x of the three troughs' axes; the region spans all three.</summary>
    public static readonly double[] Slots = [-0.08, 0, 0.08];

    /// <summary>Radius of the cylinder the troughs are cut for (the wine bottle's body).</summary>
    public const double TroughRadius = 0.021;

    private const double HalfX = 0.1345, HalfY = 0.127, Height = 0.33, Board = 0.012;

    public double OriginHeight => 0;
    double IScenePart.Height => Height;
    public double Radius => 0.19;
    public bool IsFree => false;

    public string TopRegion => $"{Name}_top_region";

    /// <summary>Direction of the troughs' axis, bottom to neck, in the rack frame (the site's normal).</summary>
    public static Vec3 Axis => new(0, -Math.Sin(Tilt), Math.Cos(Tilt));

    /// <summary>Out of a trough, perpendicular to its axis and mostly up, in the rack frame.</summary>
    public static Vec3 Up => new(0, -Math.Cos(Tilt), -Math.Sin(Tilt));

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var tilt = Quat.FromAxisAngle(new Vec3(1, 0, 0), Tilt);
        // A point given in trough coordinates: x across, v along Up, s along Axis from the region's centre.
        Vec3 At(double x, double v, double s) => TopRegionOffset + new Vec3(x, 0, 0) + Up * v + Axis * s;
        var rack = scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .Box($"{Name}_base", new(HalfX, HalfY, Board / 2), new(0, 0, Board / 2), rgba: Color)
            .Box($"{Name}_back", new(HalfX, Board / 2, Height / 2), new(0, HalfY - Board / 2, Height / 2), rgba: Color)
            .Box($"{Name}_left", new(Board / 2, HalfY - Board, 0.13), new(-HalfX + Board / 2, -Board / 2, 0.13), rgba: Color)
            .Box($"{Name}_right", new(Board / 2, HalfY - Board, 0.13), new(HalfX - Board / 2, -Board / 2, 0.13), rgba: Color)
            // The stop board: its face (s = 0) carries the region; it reaches 2 cm above a trough's axis.
            .Box($"{Name}_stop", new(HalfX - Board, 0.03, 0.004), At(0, -0.01, -0.004), tilt, Color)
            // The sloped board under the troughs.
            .Box($"{Name}_floor", new(HalfX - Board, 0.005, 0.085), At(0, -0.034, 0.075), tilt, Color)
            .Site(TopRegion, TopRegionOffset, tilt, TopRegionHalfSize, new Rgba(0.2, 0.6, 0.2, 0));
        // Each trough: two plates at ±45° about its axis, touching a 0.021 m cylinder 1.5 cm either side of the axis
        // and kept within 1.8 cm of it, so fingers closed on the bottle (from 2.1 cm out) pass beside them.
        var r = TroughRadius;
        var contact = r / Math.Sqrt(2);
        const double inner = 0.003, outer = 0.018, thickness = 0.003;
        var mid = (inner + outer) / 2;
        var halfWidth = (outer - inner) / Math.Sqrt(2) / 2;
        var faceV = mid - 2 * contact; // the tangent plane at 45°: v = |x| − r√2
        for (var i = 0; i < Slots.Length; i++)
            foreach (var side in new[] { -1.0, 1.0 })
            {
                var offset = thickness / 2 / Math.Sqrt(2);
                var centre = At(Slots[i] + side * (mid + offset), faceV - offset, 0.06);
                var q = tilt * Quat.FromAxisAngle(Vec3.UnitZ, side * Math.PI / 4);
                rack.Box($"{Name}_trough{i}_{(side < 0 ? "left" : "right")}", new(thickness / 2, halfWidth, 0.06), centre, q, Color);
            }
    }
}
