using System.Text.Json;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo.Tests.Commands;

/// <summary>A small SFT checkpoint of metaworld-mini/reach (3 expert demos, a few hundred steps), shared by the train tests.</summary>
public sealed class ReachSftFixture : IDisposable
{
    public ReachSftFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ript-train-").FullName;
        var demos = Path.Combine(Directory, "demos");
        DemoGenerator.Generate(TaskRegistry.Get("metaworld-mini/reach"), new DemoGenerator.Options(3)).Save(Path.Combine(demos, "reach.safetensors"));
        var result = SftTrainer.Run(new SftOptions
        {
            DemoDir = demos, Task = "metaworld-mini/reach", Demos = 3, Policy = PolicyKind.Regression, Steps = 200, ScaleSteps = 50, DModel = 32,
            EvalInits = 0, Out = Path.Combine(Directory, "sft"),
        }, () => { });
        Checkpoint = result.CheckpointDirectory;
    }

    public string Directory { get; }
    public string Checkpoint { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[Collection("Console")]
[Trait("Category", "Slow")]
public class TrainCommandTests(ReachSftFixture sft) : IClassFixture<ReachSftFixture>
{
    private TrainOptions Options(string run, int iterations) => new()
    {
        Checkpoint = sft.Checkpoint, Task = "metaworld-mini/reach", ContextsPerTask = 6, Out = run, Iterations = iterations,
        Ript = new RiptOptions { K = 4, BatchSize = 8, Epochs = 2, MinibatchSize = 4, LearningRate = 1e-4, DynamicRejection = false },
        EvalInits = 0, Workers = 2, Seed = 11,
    };

    [Fact]
    public async Task Run_StopAndResume_EndsWithTheWeightsOfAnUninterruptedRun()
    {
        var straight = Path.Combine(sft.Directory, "straight");
        var resumed = Path.Combine(sft.Directory, "resumed");

        Assert.Equal(0, await TrainCommand.RunAsync(Options(straight, 2), json: false, default));
        Assert.Equal(0, await TrainCommand.RunAsync(Options(resumed, 1), json: false, default));
        Assert.Equal(0, await TrainCommand.RunAsync(Options(resumed, 2) with { Resume = true, Checkpoint = null }, json: false, default));

        var weights = File.ReadAllBytes(Path.Combine(straight, "checkpoint", "weights.safetensors"));
        Assert.Equal(weights, File.ReadAllBytes(Path.Combine(resumed, "checkpoint", "weights.safetensors")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(sft.Checkpoint, "weights.safetensors")), weights);
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(resumed, "checkpoint", "state.json"))).RootElement;
        Assert.Equal(2, state.GetProperty("step").GetInt64());
        Assert.Equal([0, 1], RiptMetricsLine.ReadAll(Path.Combine(resumed, "metrics.jsonl")).Select(l => l.Iteration));
    }

    [Fact]
    public async Task Run_OneIteration_WritesMetricsCheckpointAndReport()
    {
        var run = Path.Combine(sft.Directory, "one");

        Assert.Equal(0, await TrainCommand.RunAsync(Options(run, 1), json: true, default));

        var line = Assert.Single(RiptMetricsLine.ReadAll(Path.Combine(run, "metrics.jsonl")));
        Assert.Equal(1, line.PolicyVersion);
        Assert.Equal(2, line.Accepted);
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
        Assert.True(File.Exists(Path.Combine(run, "checkpoint", "optimizer.safetensors")));
    }

    [Fact]
    public async Task Run_AgainOnAFinishedRunWithoutResume_RefusesAndKeepsItsHistory()
    {
        var run = Path.Combine(sft.Directory, "finished");
        Assert.Equal(0, await TrainCommand.RunAsync(Options(run, 1), json: false, default));
        var metrics = File.ReadAllText(Path.Combine(run, "metrics.jsonl"));

        Assert.Equal(1, await TrainCommand.RunAsync(Options(run, 1), json: false, default));

        Assert.Equal(metrics, File.ReadAllText(Path.Combine(run, "metrics.jsonl")));
    }

    [Fact]
    public async Task Run_ForceOnAFinishedRun_StartsOverKeepingTheOldRunAside()
    {
        var run = Path.Combine(sft.Directory, "forced");
        Assert.Equal(0, await TrainCommand.RunAsync(Options(run, 1), json: false, default));

        Assert.Equal(0, await TrainCommand.RunAsync(Options(run, 1) with { Force = true }, json: false, default));

        var previous = Assert.Single(Directory.GetDirectories(run, ".previous-*"));
        Assert.Single(RiptMetricsLine.ReadAll(Path.Combine(previous, "metrics.jsonl")));
        Assert.Single(RiptMetricsLine.ReadAll(Path.Combine(run, "metrics.jsonl")));
    }

    [Fact]
    public async Task Run_ResumeAfterACrashBetweenCheckpointAndPointer_ContinuesFromTheNewestCheckpoint()
    {
        var run = Path.Combine(sft.Directory, "crashed");
        Assert.Equal(0, await TrainCommand.RunAsync(Options(run, 2), json: false, default));
        File.Delete(Path.Combine(run, "checkpoint")); // the pointer is gone; checkpoint-ript-000002 is intact

        Assert.Equal(0, await TrainCommand.RunAsync(Options(run, 3) with { Resume = true, Checkpoint = null }, json: false, default));

        Assert.Equal([0, 1, 2], RiptMetricsLine.ReadAll(Path.Combine(run, "metrics.jsonl")).Select(l => l.Iteration));
    }

    [Fact]
    public async Task Run_WithoutCheckpoint_IsBadUsageNamingTheField()
    {
        var o = Options(Path.Combine(sft.Directory, "none"), 1) with { Checkpoint = null };

        Assert.Equal(2, await TrainCommand.RunAsync(o, json: false, default));
    }

    [Fact]
    public async Task Run_TemperatureAndTopK_AreTheRolloutPolicyOfTheRunCheckpoint()
    {
        var run = Path.Combine(sft.Directory, "sampling");

        Assert.Equal(0, await TrainCommand.RunAsync(Options(run, 1) with { Temperature = 0.5, TopK = 3 }, json: false, default));

        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "checkpoint", "config.json"))).RootElement.GetProperty("policy");
        Assert.Equal(0.5, config.GetProperty("temperature").GetDouble());
        Assert.Equal(3, config.GetProperty("top_k").GetInt32());
    }

    [Fact]
    public void Validate_NegativeTopK_NamesTheField()
    {
        var errors = (Options("x", 1) with { TopK = -1 }).Validate();

        Assert.Contains(errors, e => e.Contains("train.top_k must be ≥ 0"));
    }

    [Fact]
    public void Validate_BatchNotAMultipleOfK_NamesTheField()
    {
        var errors = (Options("x", 1) is var o ? o with { Ript = o.Ript with { BatchSize = 6 } } : null!).Validate();

        Assert.Contains(errors, e => e.Contains("train.batch_size"));
    }
}
