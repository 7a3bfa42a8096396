using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoGoalExpertTests
{
    /// <summary>A small sample per task: the full 50-context success table is measured outside the test run.</summary>
    private const int Sample = 3;

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(LiberoGoalTests.TaskIds), MemberType = typeof(LiberoGoalTests))]
    public void Run_FirstEvalContexts_ExpertSucceedsWithinHorizon(string id)
    {
        using var task = TaskModel.Compile(TaskRegistry.Get(id));
        using var env = new ManipulationEnv(task);
        var contexts = ContextSet.Create(task, ContextSplit.Eval, Sample);
        foreach (var context in contexts.Contexts)
        {
            var episode = ExpertRollout.Run(env, context);
            Assert.True(episode.Success, $"{id}, context {context.Id}: {episode.FailureReason} after {episode.Steps} steps");
            Assert.True(episode.Steps < task.Spec.Horizon);
        }
    }
}
