using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoNinetyTests
{
    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Suite_IsLiberoNinetyLessTheUnbuiltInCanonicalOrderEachWithAnExpert()
    {
        var tasks = TaskRegistry.Suite(LiberoNinety.Name);

        Assert.Equal(90, LiberoNinety.Order.Distinct().Count());
        Assert.Empty(LiberoNinety.NotYetBuilt.Except(LiberoNinety.Order));
        Assert.Equal(LiberoNinety.Order.Except(LiberoNinety.NotYetBuilt), tasks.Select(t => t.Name));
        Assert.Equal(LiberoNinety.Order.Where(LiberoNinety.NotYetBuilt.Contains), TaskRegistry.Unregistered(LiberoNinety.Name));
        Assert.All(tasks, t =>
        {
            Assert.Equal(RobotKind.Panda, t.Robot);
            Assert.Equal(400, t.Horizon);
            Assert.NotNull(t.Expert);
            Assert.Equal(t.Name.Split('-')[0] switch { "kitchen" => 0.90, "living" => 0.41, _ => 0.867 }, t.WorkspaceOffset.Z, 3);
        });
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Unbuilt_IsTheTasksNotDefinedInOrderAndInsideNotYetBuilt()
    {
        var registered = TaskRegistry.Suite(LiberoNinety.Name).Select(t => t.Name).ToList();

        Assert.Equal(LiberoNinety.Order.Where(LiberoNinety.Unbuilt.Contains), LiberoNinety.Unbuilt);
        Assert.Empty(LiberoNinety.Unbuilt.Intersect(registered));
        Assert.Empty(LiberoNinety.Unbuilt.Except(LiberoNinety.NotYetBuilt));
        // The wooden tray has no fixture yet: its scenes' tasks are unbuilt.
        Assert.Contains("living-room-scene3-pick-up-the-butter-and-put-it-in-the-tray", LiberoNinety.Unbuilt);
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Splits_Mini_IsLiberoMinisLiberoNinetyTasks()
    {
        var mini = TaskRegistry.Split(LiberoNinety.Name, "mini");
        var miniSuite = TaskRegistry.Suite(LiberoMini.Name);

        Assert.Equal(14, mini.Count);
        // libero-mini's other two are LIBERO-10's long tasks.
        Assert.Equal(miniSuite.Select(t => t.Name).Where(LiberoNinety.Order.Contains).Order(), mini.Select(t => t.Name).Order());
        Assert.All(miniSuite.Where(t => !LiberoNinety.Order.Contains(t.Name)), t => Assert.Contains(TaskRegistry.Suite(LiberoTen.Name), l => l.Name == t.Name));
    }

    /// <summary>libero-mini's tasks are libero-90's as they are: the same scene and goal, only the id (and so the contexts' seeds) differs.</summary>
    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_SharedWithLiberoMini_BuildTheSameSceneAndGoal()
    {
        foreach (var name in LiberoNinety.Splits["mini"])
        {
            var mini = TaskRegistry.Get($"{LiberoMini.Name}/{name}");
            var ninety = TaskRegistry.Get($"{LiberoNinety.Name}/{name}");

            Assert.Equal(mini.ToMjcf(), ninety.ToMjcf());
            Assert.Equal(mini.Goal.Describe(), ninety.Goal.Describe());
            // Start regions and joint ranges (the Joints dictionaries are equal by content, not reference).
            Assert.Equal(mini.Placements.Select(p => p with { Joints = null }), ninety.Placements.Select(p => p with { Joints = null }));
            Assert.Equal(mini.Placements.Select(p => p.Joints?.OrderBy(j => j.Key).ToList()), ninety.Placements.Select(p => p.Joints?.OrderBy(j => j.Key).ToList()));
        }
    }

    /// <summary>The split's contexts are libero-mini's, state for state: results measured on libero-mini stay comparable.</summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("kitchen-scene10-close-the-top-drawer-of-the-cabinet")]
    [InlineData("living-room-scene6-put-the-chocolate-pudding-to-the-left-of-the-plate")]
    public void Contexts_MiniSplitTask_AreLiberoMinisStates(string name)
    {
        var (_, mini) = SuiteContexts.Get($"{LiberoMini.Name}/{name}");
        var (_, ninety) = SuiteContexts.Get($"{LiberoNinety.Name}/{name}");

        Assert.Equal(mini.Contexts.Select(c => (c.Seed, c.State)), ninety.Contexts.Select(c => (c.Seed, c.State)));
    }
}
