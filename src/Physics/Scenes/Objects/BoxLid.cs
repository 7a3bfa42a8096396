using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// The lid of MetaWorld's box-close: a square plate wider than the box (half 0.07, 1.6 cm thick) with a block handle on
/// top that the claws pinch across y; origin at the plate's centre.
/// </summary>
public sealed record BoxLid(string Name, Rgba Color, double Mass = 0.2, Surface? Contact = null) : IScenePart
{
    public const double PlateHalfWidth = 0.07;
    public const double PlateHalfThickness = 0.008;

    /// <summary>Handle block half extents: long along x, thin across the claws' y.</summary>
    public static readonly Vec3 HandleHalfSize = new(0.04, 0.012, 0.02);

    /// <summary>Handle centre above the lid origin.</summary>
    public static double HandleHeight => PlateHalfThickness + HandleHalfSize.Z;

    public double OriginHeight => PlateHalfThickness;
    public double Height => 2 * PlateHalfThickness + 2 * HandleHalfSize.Z;
    public double Radius => PlateHalfWidth + 0.005;
    public bool IsFree => true;

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var surface = Contact ?? new Surface(1, 0.1, 0.002, 4);
        scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .FreeJoint(ContextSampler.FreeJointName(Name))
            // Most of the mass in the plate keeps the centre of mass low, so a lifted lid hangs level under the handle.
            .Box($"{Name}_plate", new(PlateHalfWidth, PlateHalfWidth, PlateHalfThickness), Vec3.Zero, rgba: Color, surface: surface,
                mass: Mass * 0.8)
            .Box($"{Name}_handle", HandleHalfSize, new(0, 0, HandleHeight), rgba: new Rgba(0.2, 0.2, 0.22), surface: surface,
                mass: Mass * 0.2);
    }
}
