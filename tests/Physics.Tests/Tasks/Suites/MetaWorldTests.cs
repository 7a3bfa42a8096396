using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class MetaWorldTests
{
    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Suite_IsAllOfMt50InOrderOnTheSawyerWithExpertsAndMetaWorldsHorizon()
    {
        var tasks = TaskRegistry.Suite(MetaWorld.Name);

        Assert.Equal(50, MetaWorld.Order.Distinct().Count());
        Assert.Equal(MetaWorld.Order, tasks.Select(t => t.Name));
        Assert.Empty(TaskRegistry.Unregistered(MetaWorld.Name));
        Assert.All(tasks, t =>
        {
            Assert.Equal(RobotKind.Sawyer, t.Robot);
            Assert.Equal(500, t.Horizon);
            Assert.NotNull(t.Expert);
            // Fully observable: every task tracks a main object, a second one (or the empty body) and the goal.
            Assert.Equal(3, t.TrackedObjects.Count);
            Assert.Equal(MetaWorld.Goal, t.TrackedObjects[2]);
        });
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Splits_Ml45Prise_AreTheFortyFiveTrainAndFiveTestTasks()
    {
        var splits = TaskRegistry.Splits(MetaWorld.Name);
        var train = splits["ml45-train"];
        var test = splits["ml45-test"];

        Assert.Equal(["box-close", "disassemble", "hand-insert", "pick-place-wall", "stick-pull"], test);
        Assert.Equal(45, train.Count);
        Assert.Equal(MetaWorld.Order.Order(), train.Concat(test).Order());
        // QueST's split keeps the official ML45's test tasks bin-picking, door-lock and door-unlock in training.
        Assert.Contains("bin-picking", train);
        Assert.Contains("door-lock", train);
        Assert.Contains("door-unlock", train);
        Assert.Equal(["ml45-train", "ml45-test"], splits.Keys);
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Split_Ml45_RegistersAllItsTasks()
    {
        var train = TaskRegistry.Suite("metaworld:ml45-train").Select(t => t.Name).ToList();

        Assert.Equal(45, train.Count);
        Assert.Equal(TaskRegistry.Splits(MetaWorld.Name)["ml45-train"], train);
        Assert.Empty(TaskRegistry.Unregistered("metaworld:ml45-train"));
        Assert.Equal(TaskRegistry.Splits(MetaWorld.Name)["ml45-test"], TaskRegistry.Split(MetaWorld.Name, "ml45-test").Select(t => t.Name));
        Assert.Empty(TaskRegistry.Unregistered(LiberoMini.Name));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Split_Unknown_ListsTheKnownOnes()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => TaskRegistry.Suite("metaworld:ml10"));

        Assert.Contains("ml45-train", e.Message);
        Assert.Throws<KeyNotFoundException>(() => TaskRegistry.Split(LiberoMini.Name, "ml45-train"));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData("reach")]
    [InlineData("door-open")]
    [InlineData("hammer")]
    public void Compile_AnyTask_HasMetaWorldsObservationAndActionSizes(string name)
    {
        using var task = TaskModel.Compile(TaskRegistry.Get($"{MetaWorld.Name}/{name}"));
        using var env = new ManipulationEnv(task);

        // Hand (3), claws' opening (1), then three tracked poses of 7: the same 25 values in every task, so one policy reads all fifty.
        Assert.Equal(4 + 3 * 7, task.Observation.Size);
        Assert.Equal(4, env.ActionDim);
    }
}
