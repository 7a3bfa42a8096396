using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Predicates;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoSpatialTests
{
    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Always_TenDistinctInstructionsWithOneGoalAndAnExpertEach()
    {
        var tasks = TaskRegistry.Suite(LiberoSpatial.Name);
        Assert.Equal(10, tasks.Count);
        Assert.Equal(10, tasks.Select(t => t.Instruction).Distinct().Count());
        Assert.All(tasks, t =>
        {
            Assert.Equal($"{LiberoSpatial.Name}/{t.Instruction.Replace(' ', '-')}", t.Id);
            Assert.Equal(new On("akita_black_bowl_1", "plate_1"), t.Goal);
            Assert.Equal(220, t.Horizon);
            Assert.NotNull(t.Expert);
        });
    }

    /// <summary>Where the target bowl starts in LIBERO's 50 init states (spec A8, world xy), for the starts we keep.</summary>
    public static TheoryData<int, double, double, double, double> LiberoStartRanges() => new()
    {
        { 0, -0.064, -0.035, 0.186, 0.215 }, // between the plate and the ramekin
        { 1, -0.195, -0.165, 0.306, 0.335 }, // next to the ramekin
        { 2, -0.075, -0.075, -0.015, 0.015 }, // table center: x fixed
        { 6, 0.115, 0.144, -0.084, -0.055 }, // next to the cookie box
        { 7, -0.278, -0.239, -0.159, -0.119 }, // on the stove
        { 8, -0.005, 0.024, 0.296, 0.324 }, // next to the plate
        { 9, -0.025, 0.061, -0.308, -0.257 }, // on the cabinet
    };

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(LiberoStartRanges))]
    public void Reset_EvalContexts_TargetBowlStartsInLiberosRange(int index, double xLo, double xHi, double yLo, double yHi)
    {
        using var task = TaskModel.Compile(LiberoSpatial.Tasks()[index]);
        var bowl = task.Model.BodyId("akita_black_bowl_1");
        using var data = new RiptOrleans.Physics.Mujoco.MjData(task.Model);
        // Settling moves a bowl by a few millimetres.
        const double slack = 0.004;
        foreach (var context in ContextSet.Create(task, ContextSplit.Eval, 10).Contexts)
        {
            data.SetState(context.State);
            var p = Vec3.From(data.Xpos, bowl);
            Assert.InRange(p.X, xLo - slack, xHi + slack);
            Assert.InRange(p.Y, yLo - slack, yHi + slack);
        }
    }
}
