using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoGoalTests
{
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

    [Fact]
    [Trait("Category", "Fast")]
    public void Experiments_EveryPair_NamesTwoDistinctRegisteredTasksOfTheSuite()
    {
        foreach (var e in LiberoGoal.Experiments)
        {
            Assert.Equal(e.Source, TaskRegistry.Get(e.Source).Id);
            Assert.Equal(e.Target, TaskRegistry.Get(e.Target).Id);
            Assert.NotEqual(e.Source, e.Target);
            Assert.Equal("cross-goal", e.Kind);
        }
    }
}
