using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Tasks.Contexts;

[Trait("Category", "Fast")]
public class ContextNoiseTests
{
    private static (double X, double Y, double Z) Body(TaskContext context, RiptOrleans.Physics.Tasks.TaskModel task, string name)
    {
        using var data = new MjData(task.Model);
        data.SetState(context.State);
        data.Forward();
        var b = task.Model.BodyId(name);
        return (data.Xpos[3 * b], data.Xpos[3 * b + 1], data.Xpos[3 * b + 2]);
    }

    [Fact]
    public void Perturb_SigmaZero_ReturnsTheContextUnchanged()
    {
        var (task, _) = TaskFixtures.Get(TaskFixtures.PandaTask);
        var context = ContextSet.Create(task, ContextSplit.Train, 1)[0];

        Assert.Same(context, ContextNoise.Perturb(task, context, 0, 7));
    }

    [Fact]
    public void Perturb_SameSeed_GivesTheSameStateAndAnotherSeedAnother()
    {
        var (task, _) = TaskFixtures.Get(TaskFixtures.PandaTask);
        var context = ContextSet.Create(task, ContextSplit.Train, 1)[0];

        var a = ContextNoise.Perturb(task, context, ContextNoise.Unit, 7);
        var b = ContextNoise.Perturb(task, context, ContextNoise.Unit, 7);
        var c = ContextNoise.Perturb(task, context, ContextNoise.Unit, 8);

        Assert.Equal(a.State, b.State);
        Assert.NotEqual(a.State, c.State);
    }

    [Fact]
    public void Perturb_TwoUnits_MovesTheBowlOnTheTableAndLetsItSettle()
    {
        var (task, _) = TaskFixtures.Get(TaskFixtures.PandaTask);
        var context = ContextSet.Create(task, ContextSplit.Train, 1)[0];
        var before = Body(context, task, "akita_black_bowl_1");

        var moved = Enumerable.Range(0, 8).Select(seed => ContextNoise.Perturb(task, context, 2 * ContextNoise.Unit, seed)).ToList();

        var shifts = moved.Select(m => Body(m, task, "akita_black_bowl_1")).Select(p => Math.Sqrt((p.X - before.X) * (p.X - before.X) + (p.Y - before.Y) * (p.Y - before.Y))).ToList();
        // σ = 5 cm per axis: a shift of ~6 cm on average; none is zero, none beyond the arm's reach.
        Assert.All(shifts, d => Assert.InRange(d, 1e-4, 0.7));
        Assert.InRange(shifts.Average(), 0.02, 0.12);
        foreach (var m in moved)
        {
            // Still resting on the table (same height as before), settled.
            Assert.Equal(before.Z, Body(m, task, "akita_black_bowl_1").Z, 2);
            using var data = new MjData(task.Model);
            data.SetState(m.State);
            Assert.All(data.Qvel.ToArray(), v => Assert.True(Math.Abs(v) < 0.1, $"qvel {v}"));
        }
    }
}
