using RiptOrleans.Grains;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Silo.Tests.Support;

/// <summary>An SFT-stage checkpoint of an untrained small regression state policy of a task: where cluster and page tests start runs.</summary>
internal static class UntrainedCheckpoint
{
    public static string Save(string path, string taskId, int dModel = 32)
    {
        using var models = new TaskModelCache();
        var task = models.Get(taskId);
        var config = new PolicyConfig(PolicyKind.Regression, task.Observation.Size, task.ActionDim, 8, 4, []) { DModel = dModel };
        using var generator = new Generator(7);
        using var policy = PolicyFactory.Create(config, InputStatistics.Identity(WordTokenizer.Build([task.Spec.Instruction]), config.StateDim), generator);
        new Checkpoint(config, null, policy.ExportWeights(0), null, new CheckpointState { Stage = "sft" }).Save(path);
        return path;
    }
}
