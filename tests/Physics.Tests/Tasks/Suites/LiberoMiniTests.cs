using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoMiniTests
{
    public static TheoryData<string> TaskIds() => [.. LiberoMini.Tasks().Select(t => t.Id)];

    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Always_SixteenDistinctIdsEachWithAnExpert()
    {
        var tasks = LiberoMini.Tasks();
        Assert.Equal(16, tasks.Count);
        Assert.Equal(16, tasks.Select(t => t.Id).Distinct().Count());
        Assert.All(tasks, t => Assert.NotNull(t.Expert));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Experiments_EveryPair_NamesRegisteredTasks()
    {
        foreach (var e in LiberoMini.Experiments)
        {
            Assert.Equal(e.Source, TaskRegistry.Get(e.Source).Id);
            Assert.Equal(e.Target, TaskRegistry.Get(e.Target).Id);
        }
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Get_UnknownTask_ThrowsListingKnownTasks()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => TaskRegistry.Get("libero-mini/open-the-fridge"));
        Assert.Contains("unknown task 'libero-mini/open-the-fridge'", e.Message);
        Assert.Contains(LiberoMini.Tasks()[0].Id, e.Message);
    }

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
}
