using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Tasks.Predicates;
using Serilog;

namespace RiptOrleans.Physics.Tasks;

/// <summary>A task compiled once per process: its MjModel (shared read-only by every env of the task), bound goal and observation layout.</summary>
public sealed class TaskModel : IDisposable
{
    private static readonly ILogger Logger = Log.ForContext<TaskModel>();

    private TaskModel(TaskSpec spec, MjModel model)
    {
        Spec = spec;
        Model = model;
        Goal = spec.Goal.Bind(model);
        var rigFields = CreateRig().ProprioFields;
        Observation = new ObservationSpec(rigFields.Concat(spec.TrackedObjects.SelectMany(o => new[] { ($"{o}_pos", 3), ($"{o}_quat", 4) })));
        TrackedBodies = spec.TrackedObjects.Select(model.BodyId).ToArray();
        ActionDim = spec.Robot == RobotKind.Panda ? 7 : 4;
    }

    public TaskSpec Spec { get; }

    public MjModel Model { get; }

    public IBoundPredicate Goal { get; }

    public ObservationSpec Observation { get; }

    public int ActionDim { get; }

    internal int[] TrackedBodies { get; }

    /// <summary>Builds the scene's MJCF and loads it; a scene error names the task.</summary>
    public static TaskModel Compile(TaskSpec spec)
    {
        var xml = spec.ToMjcf();
        MjModel model;
        try
        {
            model = MjModel.FromXml(xml, $"task {spec.Id}");
        }
        catch (MujocoException e)
        {
            throw new InvalidOperationException($"task {spec.Id}: its scene does not load: {e.Message}", e);
        }
        Logger.Debug("Compiled {TaskId}: nq={Nq} nv={Nv} nbody={NBody}", spec.Id, model.Nq, model.Nv, model.NBody);
        return new TaskModel(spec, model);
    }

    /// <summary>A fresh controller for one environment of this task.</summary>
    public IRobotRig CreateRig() => Spec.Robot switch
    {
        RobotKind.Panda => new PandaRig(Model),
        RobotKind.Sawyer => new SawyerRig(Model),
        _ => throw new ArgumentOutOfRangeException(nameof(Spec.Robot), Spec.Robot, "unknown robot kind"),
    };

    public void Dispose() => Model.Dispose();
}
