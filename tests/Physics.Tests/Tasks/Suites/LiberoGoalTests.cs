using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoGoalTests
{
    public static TheoryData<string> TaskIds() => [.. LiberoGoal.Tasks().Select(t => t.Id)];

    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Always_TheSpecsTenGoalsInOrderEachWithAnExpert()
    {
        var tasks = LiberoGoal.Tasks();
        Assert.Equal(
        [
            "open the middle drawer of the cabinet", "put the bowl on the stove", "put the wine bottle on top of the cabinet",
            "open the top drawer and put the bowl inside", "put the bowl on top of the cabinet", "push the plate to the front of the stove",
            "put the cream cheese in the bowl", "turn on the stove", "put the bowl on the plate", "put the wine bottle on the rack",
        ], tasks.Select(t => t.Instruction));
        Assert.Equal("libero-goal/open-the-middle-drawer-of-the-cabinet", tasks[0].Id);
        Assert.All(tasks, t => Assert.NotNull(t.Expert));
        Assert.All(tasks, t => Assert.Equal(300, t.Horizon));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Always_ShareOneLayoutAndOneObservationLayout()
    {
        var tasks = LiberoGoal.Tasks();
        Assert.All(tasks, t => Assert.Same(tasks[0].Placements, t.Placements));
        Assert.All(tasks, t => Assert.Equal(tasks[0].TrackedObjects, t.TrackedObjects));
        Assert.Equal(4, tasks[0].TrackedObjects.Count);
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Suite_Registered_ListsTheTenTasks() => Assert.Equal(10, TaskRegistry.Suite(LiberoGoal.Name).Count);

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
