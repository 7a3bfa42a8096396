using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>Services over the test tasks: contexts from each task's training pool, a linear Laplace policy at version 0.</summary>
internal sealed class GrainFixture : IDisposable
{
    public GrainFixture(int contextsPerTask = 3, params TaskSpec[] tasks)
    {
        tasks = tasks.Length == 0 ? [TestTasks.WideReach] : tasks;
        var models = new TaskModelCache(TestTasks.Get);
        var catalog = new ContextCatalog();
        foreach (var t in tasks)
            catalog.AddTrainingPool(models.Get(t.Id), contextsPerTask);
        var model = models.Get(tasks[0].Id);
        StateDim = model.Observation.Size;
        ActionDim = model.ActionDim;
        Policy = new LinearLaplacePolicy(StateDim, ActionDim);
        Services = new GrainServices(catalog, models, new WeightsStore(), () => new LinearLaplacePolicy(StateDim, ActionDim), "test");
        Services.Weights.Publish(0, Policy.ExportWeights(0));
    }

    public int StateDim { get; }
    public int ActionDim { get; }
    public LinearLaplacePolicy Policy { get; }
    public GrainServices Services { get; }

    public void Dispose()
    {
        Policy.Dispose();
        Services.Tasks.Dispose();
    }
}
