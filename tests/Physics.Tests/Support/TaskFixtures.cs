using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Tests.Support;

/// <summary>Compiled tasks and contexts shared by env and controller tests (compiling a scene costs tens of ms).</summary>
internal static class TaskFixtures
{
    /// <summary>A LIBERO-style Panda task with a cabinet, a bowl and a plate.</summary>
    public const string PandaTask = "libero-mini/kitchen-scene1-open-the-top-drawer-of-the-cabinet";

    /// <summary>A MetaWorld-style task on the mocap hand.</summary>
    public const string SawyerTask = "metaworld-mini/reach";

    private static readonly Dictionary<string, (TaskModel Model, TaskContext Context)> Cache = new();

    public static (TaskModel Model, TaskContext Context) Get(string id)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(id, out var entry))
            {
                var model = TaskModel.Compile(TaskRegistry.Get(id));
                entry = (model, ContextSampler.Sample(model, ContextSplit.Eval, 0, 7));
                Cache[id] = entry;
            }
            return entry;
        }
    }

    public static ManipulationEnv ResetEnv(string id, out float[] observation)
    {
        var (model, context) = Get(id);
        var env = new ManipulationEnv(model);
        observation = new float[model.Observation.Size];
        env.Reset(context, observation);
        return env;
    }
}
