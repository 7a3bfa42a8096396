using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// A round open vessel with its origin at the bottom: a base disc and a ring of tilted wall boxes (bowls, plates,
/// ramekins; spec A6.1 suggests this construction).
/// </summary>
/// <param name="BaseRadius">Radius of the flat bottom disc.</param>
/// <param name="RimRadius">Radius at the top of the wall.</param>
/// <param name="WallHeight">Height of the rim above the bottom.</param>
/// <param name="Segments">Number of wall boxes around the ring.</param>
public sealed record Vessel(string Name, double BaseRadius, double RimRadius, double WallHeight, Rgba Color, int Segments = 12,
    double Thickness = 0.004, double Density = 400, double HandleLength = 0) : IScenePart
{
    /// <summary>LIBERO's akita black bowl: 0.107 wide, 0.051 tall.</summary>
    public static Vessel BlackBowl(string name) => new(name, 0.035, 0.053, 0.05, Rgba.Black);

    /// <summary>A generic bowl (e.g. LIBERO's white bowl: 0.081 wide, 0.034 tall).</summary>
    public static Vessel Bowl(string name, double baseRadius, double rimRadius, double height, Rgba color) => new(name, baseRadius, rimRadius, height, color);

    /// <summary>LIBERO's plate: 0.137 wide, rim 0.016 high.</summary>
    public static Vessel Plate(string name) => new(name, 0.045, 0.068, 0.016, Rgba.White, Segments: 16, Density: 600);

    /// <summary>LIBERO's chefmate 8" frying pan: a 0.10 m radius pan with a 0.16 m handle along local +y.</summary>
    public static Vessel FryingPan(string name) => new(name, 0.08, 0.10, 0.035, new Rgba(0.2, 0.2, 0.22), Segments: 16, HandleLength: 0.16);

    /// <summary>A mug: a 0.045 m radius cup, 0.09 m tall, with a handle.</summary>
    public static Vessel Mug(string name, Rgba color) => new(name, 0.04, 0.045, 0.09, color, Segments: 12, HandleLength: 0.04);

    /// <summary>Height of the handle's middle above the bottom (experts grasp it there).</summary>
    public double HandleHeight => WallHeight * 0.7;

    /// <summary>Walls start this far above the bottom, so an upright vessel touches its support with the base plate only.</summary>
    private double Lift => Thickness + 0.002;

    public double OriginHeight => 0;
    public double Height => WallHeight;
    public double Radius => RimRadius + 0.005;
    public bool IsFree => true;

    /// <summary>Radius of the wall's mid-surface at <paramref name="height"/> above the bottom (experts grasp the wall there).</summary>
    public double WallRadiusAt(double height) =>
        BaseRadius + (RimRadius - BaseRadius) * Math.Clamp((height - Lift) / (WallHeight - Lift), 0, 1);

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var body = scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            // A square base plate rests on 4 box-box contacts (stable and cheap); the round disc is only seen.
            .Box($"{Name}_base", new(BaseRadius * 0.75, BaseRadius * 0.75, Thickness / 2), new(0, 0, Thickness / 2), rgba: Color,
                surface: Surface.Graspable, density: Density)
            .Cylinder(null, BaseRadius, Thickness / 2, new(0, 0, Thickness / 2), rgba: Color, collides: false);
        // Each wall box leans outward from the base edge to the rim.
        var dr = RimRadius - BaseRadius;
        var wallHeight = WallHeight - Lift;
        var length = Math.Sqrt(dr * dr + wallHeight * wallHeight);
        var tilt = Math.Atan2(dr, wallHeight);
        var width = 2 * Math.PI * (BaseRadius + RimRadius) / 2 / Segments * 0.62;
        var midR = (BaseRadius + RimRadius) / 2;
        for (var i = 0; i < Segments; i++)
        {
            var angle = 2 * Math.PI * i / Segments;
            var q = Quat.FromYaw(angle) * Quat.FromAxisAngle(new Vec3(0, 1, 0), tilt);
            body.Box($"{Name}_wall{i}", new(Thickness / 2, width, length / 2),
                new(midR * Math.Cos(angle), midR * Math.Sin(angle), Lift + wallHeight / 2), q, Color, Surface.Graspable, density: Density);
        }
        if (HandleLength > 0)
            body.Box($"{Name}_handle", new(0.012, HandleLength / 2, 0.006), new(0, RimRadius + HandleLength / 2, HandleHeight),
                rgba: Color, surface: Surface.Graspable, density: Density);
    }
}
