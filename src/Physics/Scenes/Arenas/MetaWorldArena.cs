using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Robots;

namespace RiptOrleans.Physics.Scenes.Arenas;

/// <summary>MetaWorld's table: top surface at z = 0 centred at (0, 0.6), 1.4 x 0.8 m with low rim walls; the hand starts above it (spec B2).</summary>
public static class MetaWorldArena
{
    public const string CornerCamera = "corner2";
    public const double Timestep = 0.0025;

    public static void Build(SceneBuilder scene, Vec3 handStart)
    {
        scene.Option("timestep", Timestep);
        var w = scene.World;
        w.Plane("floor", 3, 3, new(0, 0.6, -0.9), new Rgba(0.35, 0.33, 0.3));
        w.Light("top_light", new(0, 0.6, 3), new(0, 0, -1), directional: true, diffuse: 0.6);
        w.Box("table_top", new(0.7, 0.4, 0.027), new(0, 0.6, -0.027), rgba: Rgba.Wood);
        foreach (var (pos, half) in new[]
                 {
                     (new Vec3(0, 0.205, 0.03), new Vec3(0.7, 0.005, 0.03)), (new Vec3(0, 0.995, 0.03), new Vec3(0.7, 0.005, 0.03)),
                     (new Vec3(-0.695, 0.6, 0.03), new Vec3(0.005, 0.4, 0.03)), (new Vec3(0.695, 0.6, 0.03), new Vec3(0.005, 0.4, 0.03)),
                 })
            w.Box(null, half, pos, rgba: Rgba.Wood);
        // QueST/RIPT move corner2 to (0.75, 0.075, 0.7); it looks at the work area.
        w.CameraLookAt(CornerCamera, new(0.75, 0.075, 0.7), new(0, 0.65, 0.05), 60);
        w.CameraLookAt("topview", new(0, 0.5, 1.5), new(0, 0.6, 0), 60);
        SawyerHand.Build(scene, handStart);
    }
}
