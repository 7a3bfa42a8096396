using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// LIBERO's flat stove: a burner base box centred 0.15 m along local x from the knob, the knob a hinge about z at the
/// origin (range [−0.005, 2.1], damping 1; on when q ≥ 0.5), and the cook region on the burner (spec A6.2).
/// </summary>
public sealed record Stove(string Name) : IScenePart
{
    public static readonly Vec3 CookRegionHalfSize = new(0.075, 0.075, 0.0025);

    public double OriginHeight => 0.005;
    public double Height => 0.03;
    public double Radius => 0.26;
    public bool IsFree => false;

    /// <summary>Height of the knob lever's middle above the stove origin (experts push it here).</summary>
    public const double LeverHeight = 0.015 + 0.014;

    public string Knob => $"{Name}_knob";
    public string KnobJoint => $"{Name}_knob_joint";
    public string CookRegion => $"{Name}_cook_region";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var stove = scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .Box($"{Name}_base", new(0.095, 0.095, 0.02), new(0.15, 0, 0), rgba: new Rgba(0.75, 0.75, 0.75))
            .Cylinder($"{Name}_burner", 0.07, 0.003, new(0.15, 0, 0.022), rgba: new Rgba(0.15, 0.15, 0.15))
            .Box(null, new(0.03, 0.03, 0.015), new(0, 0, 0.0), rgba: new Rgba(0.7, 0.7, 0.7))
            .Site(CookRegion, new(0.15, 0, 0.025), halfSize: CookRegionHalfSize);
        // The knob turns about z; its lever sticks out so a finger can push it round.
        stove.Body(Knob, new(0, 0, 0.015))
            .Inertial(0.05, Vec3.Zero, new(1e-5, 1e-5, 1e-5))
            .Hinge(KnobJoint, Vec3.UnitZ, range: (-0.005, 2.1), damping: 1)
            .Cylinder($"{Name}_knob_cap", 0.018, 0.012, new(0, 0, 0.012), rgba: Rgba.Black)
            .Box($"{Name}_knob_lever", new(0.03, 0.006, 0.01), new(-0.02, 0, 0.014), rgba: Rgba.Red);
    }
}
