using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Robots;

namespace RiptOrleans.Physics.Scenes.Arenas;

/// <summary>LIBERO's main/kitchen table arena: floor, a 1.0 x 1.2 m table with its top at z = 0.90, the mounted arm and cameras (spec A2).</summary>
public sealed record TableArena
{
    public static readonly TableArena Main = new();

    /// <summary>LIVING_ROOM scenes: a 0.70 x 1.6 m coffee table with its top at 0.41 m, the arm on the floor (spec A2).</summary>
    public static readonly TableArena LivingRoom = new()
    {
        SurfaceZ = 0.41,
        TableHalfSize = new(0.35, 0.8, 0.012),
        WorkspaceOffset = new(0, 0, 0.41),
        RobotBase = new(-0.51, 0, 0.42),
        AgentviewPos = new(0.6066, 0, 0.96),
        AgentviewQuat = new(0.6182, 0.3432, 0.3432, 0.6182),
    };

    /// <summary>
    /// STUDY scenes: the 1.0 x 1.2 m study table with its top at 0.867 m and its centre 0.2 m toward the robot, the mounted
    /// arm 5 cm behind its near edge (spec A2; LIBERO's base offset −0.25 − length/2).
    /// </summary>
    public static readonly TableArena Study = new()
    {
        SurfaceZ = 0.867,
        TableCenter = new(-0.2, 0, 0),
        WorkspaceOffset = new(-0.2, 0, 0.867),
        RobotBase = new(-0.75, 0, 0.912),
        AgentviewPos = new(0.4586, 0, 1.6104),
    };

    /// <summary>Height of the work surface (m).</summary>
    public double SurfaceZ { get; init; } = 0.90;

    public Vec3 TableHalfSize { get; init; } = new(0.5, 0.6, 0.025);

    /// <summary>Where the table's centre stands (xy; z unused).</summary>
    public Vec3 TableCenter { get; init; } = Vec3.Zero;

    /// <summary>Workspace-frame origin in the world; regions in task specs are relative to it.</summary>
    public Vec3 WorkspaceOffset { get; init; } = new(0, 0, 0.90);

    public Vec3 RobotBase { get; init; } = new(-0.66, 0, 0.912);

    public Vec3 AgentviewPos { get; init; } = new(0.6586, 0, 1.6104);

    public Quat AgentviewQuat { get; init; } = new(0.6380, 0.3048, 0.3048, 0.6380);

    public const string AgentviewCamera = "agentview";
    public const string TableGeom = "table_top";

    /// <summary>Adds floor, table, robot mount, lights, cameras and the arm to a scene.</summary>
    public void Build(SceneBuilder scene)
    {
        var w = scene.World;
        w.Plane("floor", 3, 3, Vec3.Zero, new Rgba(0.35, 0.33, 0.3));
        w.Light("top_light", new(0, 0, 3), new(0, 0, -1), directional: true, diffuse: 0.6);
        w.Light("front_light", new(1.5, 0, 2.5), new(-0.6, 0, -0.8), diffuse: 0.3);
        var top = SurfaceZ - TableHalfSize.Z;
        w.Box(TableGeom, TableHalfSize, new(TableCenter.X, TableCenter.Y, top), rgba: Rgba.Wood, surface: new Surface(1.0, 0.005, 0.0001));
        foreach (var (sx, sy) in new[] { (1, 1), (1, -1), (-1, 1), (-1, -1) })
            w.Box(null, new(0.025, 0.025, (top - TableHalfSize.Z) / 2),
                new(TableCenter.X + sx * (TableHalfSize.X - 0.05), TableCenter.Y + sy * (TableHalfSize.Y - 0.05), (top - TableHalfSize.Z) / 2),
                rgba: Rgba.Wood, collides: false);
        // The mount under the arm base: static and visual only.
        w.Cylinder("robot0_mount", 0.09, RobotBase.Z / 2, RobotBase.WithZ(RobotBase.Z / 2), rgba: new Rgba(0.15, 0.15, 0.15), collides: false);
        w.Camera(AgentviewCamera, AgentviewPos, AgentviewQuat, 45);
        PandaArm.Build(scene, RobotBase);
    }
}
