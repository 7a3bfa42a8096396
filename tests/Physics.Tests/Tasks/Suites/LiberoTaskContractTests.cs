using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>What every task of the LIBERO-style suites (libero-mini, libero-goal, libero-spatial) must do.</summary>
public class LiberoTaskContractTests
{
    /// <summary>A small sample per task: the full 50-context expert table is measured outside the test run.</summary>
    private const int ExpertSample = 3;

    public static TheoryData<string> TaskIds() =>
        [.. new[] { LiberoMini.Name, LiberoGoal.Name, LiberoSpatial.Name }.SelectMany(TaskRegistry.Suite).Select(t => t.Id)];

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(TaskIds))]
    public void Reset_EveryEvalContext_GivesFiniteObservationWithGoalUnmet(string id)
    {
        using var task = TaskModel.Compile(TaskRegistry.Get(id));
        using var env = new ManipulationEnv(task);
        var contexts = ContextSet.Create(task, ContextSplit.Eval, ContextSet.EvalCount);
        var obs = new float[task.Observation.Size];
        Assert.Equal(ContextSet.EvalCount, contexts.Count);
        foreach (var context in contexts.Contexts)
        {
            env.Reset(context, obs);
            Assert.All(obs, v => Assert.True(float.IsFinite(v)));
            Assert.False(task.Goal.Holds(env.Data), $"{id}: the goal already holds in context {context.Id}");
        }
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(TaskIds))]
    public void Run_FirstEvalContexts_ExpertSucceedsWithinHorizon(string id)
    {
        using var task = TaskModel.Compile(TaskRegistry.Get(id));
        using var env = new ManipulationEnv(task);
        foreach (var context in ContextSet.Create(task, ContextSplit.Eval, ExpertSample).Contexts)
        {
            var episode = ExpertRollout.Run(env, context);
            Assert.True(episode.Success, $"{id}, context {context.Id}: {episode.FailureReason} after {episode.Steps} steps");
            Assert.True(episode.Steps < task.Spec.Horizon);
        }
    }
}
