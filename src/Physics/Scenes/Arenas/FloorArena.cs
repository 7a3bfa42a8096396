using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Robots;

namespace RiptOrleans.Physics.Scenes.Arenas;

/// <summary>
/// LIBERO's floor arena (libero-object): no table, objects on the floor, the Panda standing on the floor without a
/// mount (OnTheGroundPanda, base at (−0.6, 0, 0)) and the agentview camera low in front (spec A2).
/// </summary>
public static class FloorArena
{
    /// <summary>Workspace-frame origin: the floor under the scene's centre.</summary>
    public static readonly Vec3 WorkspaceOffset = Vec3.Zero;

    public static readonly Vec3 RobotBase = new(-0.6, 0, 0);

    public static readonly Vec3 AgentviewPos = new(0.8966, 0, 0.65);

    public static readonly Quat AgentviewQuat = new(0.6182, 0.3432, 0.3432, 0.6182);

    public const string FloorGeom = "floor";

    /// <summary>Adds the floor, lights, the agentview camera and the arm to a scene.</summary>
    public static void Build(SceneBuilder scene)
    {
        // Seven loose objects on the floor make about 40 contacts: MuJoCo's sparse constraint Jacobian steps this scene
        // 40 % faster than the dense one its "auto" picks below 60 dofs (the same solver; only rounding differs).
        scene.Option("jacobian", "sparse");
        var w = scene.World;
        // A plane gets one contact per touching geom, the same as the tables' boxes; its friction is the table's.
        w.Plane(FloorGeom, 3, 3, Vec3.Zero, new Rgba(0.42, 0.36, 0.3));
        w.Light("top_light", new(0, 0, 3), new(0, 0, -1), directional: true, diffuse: 0.6);
        w.Light("front_light", new(1.5, 0, 2.0), new(-0.6, 0, -0.8), diffuse: 0.3);
        w.Camera(Scenes.Arenas.TableArena.AgentviewCamera, AgentviewPos, AgentviewQuat, 45);
        PandaArm.Build(scene, RobotBase);
    }
}
