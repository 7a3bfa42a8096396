using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Suites;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoTenTests
{
    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Always_TheSpecsTenInstructionsInOrderEachWithAnExpert()
    {
        var tasks = TaskRegistry.Suite(LiberoTen.Name);

        Assert.Equal(
        [
            "put both the alphabet soup and the tomato sauce in the basket", "put both the cream cheese box and the butter in the basket",
            "turn on the stove and put the moka pot on it", "put the black bowl in the bottom drawer of the cabinet and close it",
            "put the white mug on the left plate and put the yellow and white mug on the right plate",
            "pick up the book and place it in the back compartment of the caddy",
            "put the white mug on the plate and put the chocolate pudding to the right of the plate",
            "put both the alphabet soup and the cream cheese box in the basket", "put both moka pots on the stove",
            "put the yellow and white mug in the microwave and close it",
        ], tasks.Select(t => t.Instruction));
        Assert.All(tasks, t =>
        {
            Assert.Equal(520, t.Horizon);
            Assert.NotNull(t.Expert);
            Assert.StartsWith($"{LiberoTen.Name}/", t.Id);
        });
    }

    /// <summary>The two tasks libero-mini has are the same scenes: the same MJCF, so only their ids (and so their contexts) differ.</summary>
    [Theory]
    [Trait("Category", "Fast")]
    [InlineData("kitchen-scene3-turn-on-the-stove-and-put-the-moka-pot-on-it")]
    [InlineData("living-room-scene6-put-the-white-mug-on-the-plate-and-put-the-chocolate-pudding-to-the-right-of-the-plate")]
    public void Tasks_SharedWithLiberoMini_BuildTheSameScene(string name)
    {
        var mini = TaskRegistry.Get($"{LiberoMini.Name}/{name}");
        var ten = TaskRegistry.Get($"{LiberoTen.Name}/{name}");

        Assert.Equal(mini.ToMjcf(), ten.ToMjcf());
        Assert.Equal(mini.Goal.Describe(), ten.Goal.Describe());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Reset_BookTask_BookStandsAtAYawInItsRegionsRange()
    {
        var (task, contexts) = SuiteContexts.Get($"{LiberoTen.Name}/study-scene1-pick-up-the-book-and-place-it-in-the-back-compartment-of-the-caddy");
        using var data = new MjData(task.Model);
        var book = task.Model.BodyId("black_book_1");
        var yaws = new List<double>();
        foreach (var context in contexts.Contexts)
        {
            data.SetState(context.State);
            data.Forward();
            var q = Quat.From(data.Xquat, book);
            Assert.True(q.Rotate(Vec3.UnitZ).Z > 0.99, $"{context.Id}: the book does not stand");
            yaws.Add(q.Yaw);
        }

        // STUDY_SCENE1's region: yaw in [−90°, −45°], spread over it (settling turns a book by well under a degree).
        Assert.All(yaws, y => Assert.InRange(y, -Math.PI / 2 - 0.02, -Math.PI / 4 + 0.02));
        Assert.True(yaws.Max() - yaws.Min() > 0.5, "the sampled yaws do not spread over the range");
    }
}
