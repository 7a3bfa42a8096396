using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Tasks.Contexts;

[Trait("Category", "Fast")]
public class ContextSetTests
{
    [Fact]
    public void Create_SameTaskTwice_GivesTheSameStates()
    {
        var (model, _) = TaskFixtures.Get(TaskFixtures.SawyerTask);

        var a = ContextSet.Create(model, ContextSplit.Eval, 5);
        var b = ContextSet.Create(model, ContextSplit.Eval, 5);

        for (var i = 0; i < 5; i++)
            Assert.Equal(a[i].State, b[i].State);
    }

    [Fact]
    public void Create_EvalAndTrainSplits_ShareNoContext()
    {
        var (model, _) = TaskFixtures.Get(TaskFixtures.SawyerTask);

        var eval = ContextSet.Create(model, ContextSplit.Eval, 10);
        var train = ContextSet.Create(model, ContextSplit.Train, 10);

        Assert.Empty(eval.Contexts.Select(c => string.Join(',', c.State)).Intersect(train.Contexts.Select(c => string.Join(',', c.State))));
        Assert.Equal("metaworld-mini/reach/eval-3", eval[3].Id);
        Assert.Equal("metaworld-mini/reach/3", train[3].Id);
    }

    [Fact]
    public void Create_PandaTask_ContextsAreDistinctAndSettled()
    {
        var (model, _) = TaskFixtures.Get(TaskFixtures.PandaTask);

        var set = ContextSet.Create(model, ContextSplit.Eval, 4);

        Assert.Equal(4, set.Contexts.Select(c => string.Join(',', c.State)).Distinct().Count());
        using var data = new RiptOrleans.Physics.Mujoco.MjData(model.Model);
        data.SetState(set[0].State);
        // Settled: nothing moves faster than a few cm/s when the first observation is taken.
        Assert.All(data.Qvel.ToArray(), v => Assert.True(Math.Abs(v) < 0.05, $"qvel {v}"));
    }
}
