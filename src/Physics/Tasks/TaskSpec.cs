using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tasks;

/// <summary>Which robot and arena family a task uses.</summary>
public enum RobotKind
{
    /// <summary>LIBERO-style: Panda on a table, OSC_POSE 7-D actions at 20 Hz.</summary>
    Panda,

    /// <summary>MetaWorld-style: Sawyer-like mocap hand, 4-D actions at 80 Hz.</summary>
    Sawyer,
}

/// <summary>One task: data plus a predicate (suite, instruction, scene, start distribution, goal, horizon).</summary>
/// <param name="Instruction">The language instruction policies see (LIBERO: file name with spaces).</param>
/// <param name="Horizon">Control steps before an episode ends as a failure.</param>
/// <param name="Build">Adds the arena (and robot) to a scene; parts are added from <see cref="Placements"/>.</param>
/// <param name="Placements">Every object and fixture with its start region.</param>
/// <param name="Goal">The success predicate, evaluated after every control step.</param>
public sealed record TaskSpec(string Suite, string Name, string Instruction, int Horizon, RobotKind Robot,
    Action<SceneBuilder> Build, IReadOnlyList<Placement> Placements, IPredicate Goal)
{
    /// <summary>Stable id, e.g. "libero-mini/kitchen-scene1-open-the-top-drawer-of-the-cabinet".</summary>
    public string Id => $"{Suite}/{Name}";

    /// <summary>
    /// What the context seeds derive from; null for <see cref="Id"/>. libero-90's copies of libero-mini's tasks keep
    /// libero-mini's ids here, so the two suites share those tasks' contexts and results on either stay comparable.
    /// </summary>
    public string? ContextKey { get; init; }

    /// <summary>Workspace-frame origin placements are relative to (table centre at its surface).</summary>
    public Geometry.Vec3 WorkspaceOffset { get; init; } = new(0, 0, 0.90);

    /// <summary>Scale of the placement jitter (1 = the task's own; RIPT's context-variance study scales it 0–7).</summary>
    public double JitterScale { get; init; } = 1.0;

    /// <summary>Bodies whose pose (pos 3 + quat 4) is part of the state observation, in order.</summary>
    public IReadOnlyList<string> TrackedObjects { get; init; } = [];

    /// <summary>Start position of the Sawyer hand (MetaWorld's hand_init_pos); unused by the Panda.</summary>
    public Geometry.Vec3 HandStart { get; init; } = new(0, 0.6, 0.2);

    /// <summary>Places objects per context; LIBERO-style regions unless the task brings its own (MetaWorld's boxes).</summary>
    public Contexts.IInitSampler Sampler { get; init; } = Contexts.RegionInitSampler.Instance;

    /// <summary>Creates this task's scripted expert for one env (null while a task has none).</summary>
    public Func<TaskModel, Experts.IExpert>? Expert { get; init; }

    /// <summary>Control steps with a no-op action after placement, so dropped objects settle before the first observation.</summary>
    public int SettleSteps { get; init; } = 10;

    /// <summary>The MJCF of the whole scene with every part at its region centre.</summary>
    public string ToMjcf()
    {
        var scene = new SceneBuilder(Name);
        Build(scene);
        foreach (var p in Placements)
        {
            var c = p.Center(WorkspaceOffset);
            p.Part.Build(scene, c.WithZ(c.Z + p.Part.OriginHeight + (p.Part.IsFree ? 0.01 : 0)), p.Yaw);
        }
        return scene.ToXml();
    }
}
