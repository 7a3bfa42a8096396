using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Objects;

namespace RiptOrleans.Physics.Benchmarks;

/// <summary>
/// The reference tabletop scene of `ript bench physics|render`: the Panda with its parallel gripper on LIBERO's table
/// and three free objects resting on it; 500 Hz physics, 25 substeps per control step (LIBERO's 20 Hz control).
/// </summary>
public static class ReferenceScene
{
    /// <summary>Physics steps per control step.</summary>
    public const int Substeps = 25;

    /// <summary>The keyframe holding the home pose and the controls that hold it against gravity.</summary>
    public const int HomeKeyframe = 0;

    /// <summary>The end-effector site whose pose is part of the observation.</summary>
    public const string GripSite = PandaArm.GripSite;

    /// <summary>The third-person camera.</summary>
    public const string AgentCamera = TableArena.AgentviewCamera;

    /// <summary>The camera in the hand.</summary>
    public const string WristCamera = PandaArm.WristCamera;

    private static readonly Lazy<string> Model = new(Build);

    /// <summary>The scene's MJCF, generated once by the scene builder.</summary>
    public static string Xml => Model.Value;

    private static readonly (IScenePart Part, double X, double Y)[] Objects =
    [
        (new BoxObject("cube", new(0.025, 0.025, 0.025), Rgba.Red), 0.05, -0.12),
        (new CylinderObject("can", 0.031, 0.038, Rgba.Yellow), 0.0, 0.12),
        (new BoxObject("block", new(0.04, 0.02, 0.0135), new Rgba(0.2, 0.4, 0.8)), -0.08, 0.0),
    ];

    private static SceneBuilder Scene()
    {
        var scene = new SceneBuilder("reference_tabletop");
        var arena = TableArena.Main;
        arena.Build(scene);
        foreach (var (part, x, y) in Objects)
            part.Build(scene, new Vec3(x, y, arena.SurfaceZ + part.OriginHeight), 0);
        return scene;
    }

    private static string Build()
    {
        // Home qpos: the arm's nominal pose and every object resting upright at its spot (tree order: arm, fingers, objects).
        var qpos = new List<double>(PandaArm.InitQpos.Concat(PandaArm.InitFingerQpos));
        foreach (var (part, x, y) in Objects)
            qpos.AddRange([x, y, TableArena.Main.SurfaceZ + part.OriginHeight, 1, 0, 0, 0]);
        // The motors hold the home pose with its gravity torques; the finger servos hold their opening.
        using var model = MjModel.FromXml(Scene().ToXml(), "reference-scene");
        using var data = new MjData(model);
        qpos.ToArray().CopyTo(data.Qpos);
        data.Forward();
        var ctrl = new double[model.Nu];
        for (var i = 0; i < PandaArm.ArmDofs; i++)
            ctrl[model.ActuatorId(PandaArm.MotorName(i))] = data.QfrcBias[model.JointDofAddress(model.JointId(PandaArm.JointName(i)))];
        ctrl[model.ActuatorId(PandaArm.LeftFingerActuator)] = PandaArm.InitFingerQpos[0];
        ctrl[model.ActuatorId(PandaArm.RightFingerActuator)] = PandaArm.InitFingerQpos[1];
        return Scene().Keyframe("home", qpos.ToArray(), ctrl).ToXml();
    }
}
