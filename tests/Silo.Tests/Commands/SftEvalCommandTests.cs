using System.Text.Json;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Commands;

using RiptOrleans.Silo.Tests.Support;

namespace RiptOrleans.Silo.Tests.Commands;

/// <summary>Smoke tests of `ript sft` and `ript eval` with tiny budgets, and their usage and failure exits.</summary>
[Collection("Console")]
[Trait("Category", "Fast")]
public sealed class SftEvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-sft-cmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);


    private string Demos()
    {
        var demos = Path.Combine(_dir, "demos");
        Directory.CreateDirectory(demos);
        DemoGenerator.Generate(TaskRegistry.Get("metaworld-mini/reach"), new DemoGenerator.Options(2)).Save(Path.Combine(demos, "reach.safetensors"));
        return demos;
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void SftThenEval_TinyBudget_WritesACheckpointThatEvalScoresAsJson(PolicyKind kind)
    {
        var options = new SftOptions
        {
            DemoDir = Demos(), Task = "metaworld-mini/reach", Demos = 2, Policy = kind, DModel = 16, Layers = 1, AutoencoderSteps = 3, Steps = 3, ScaleSteps = 2,
            BatchSize = 4, LogEvery = 1, EvalInits = 1, EvalThreads = 1, Out = Path.Combine(_dir, "run"),
        };
        var (code, stdout, stderr) = ConsoleCapture.Run(() => SftCommand.Run(options, json: true));
        Assert.True(code == 0, stderr);
        using var sft = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var checkpoint = sft.RootElement.GetProperty("checkpoint").GetString()!;
        Assert.True(File.Exists(Path.Combine(options.Out, "metrics.jsonl")));
        Assert.True(File.Exists(Path.Combine(options.Out, "report.html")));

        (code, stdout, stderr) = ConsoleCapture.Run(() => EvalCommand.Run(checkpoint, null, null, 2, 1, Path.Combine(_dir, "video"), 1, false, json: true));

        Assert.True(code == 0, stderr);
        using var eval = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal("metaworld-mini", eval.RootElement.GetProperty("suite").GetString());
        var task = eval.RootElement.GetProperty("tasks")[0];
        Assert.Equal("metaworld-mini/reach", task.GetProperty("task").GetString());
        Assert.Equal(2, task.GetProperty("episodes").GetInt32());
        Assert.InRange(eval.RootElement.GetProperty("mean_success_rate").GetDouble(), 0, 1);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "video"), "*.png"));
    }

    [Fact]
    public void Sft_ZeroDemos_IsBadUsageNamingTheField()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => SftCommand.Run(new SftOptions { Task = "metaworld-mini/reach", Demos = 0 }, json: false));
        Assert.Equal(2, code);
        Assert.Contains("sft.demos must be in [1, 10000], got 0 (--demos)", stderr);
    }

    [Fact]
    public void Sft_MissingDemoFile_FailsNamingThePath()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => SftCommand.Run(new SftOptions { Task = "metaworld-mini/reach", DemoDir = _dir, Steps = 1, Out = Path.Combine(_dir, "r") }, json: false));
        Assert.Equal(1, code);
        Assert.Contains("reach.safetensors is missing", stderr);
    }

    [Fact]
    public void Eval_CorruptedCheckpoint_FailsNamingTheFile()
    {
        var options = new SftOptions
        {
            DemoDir = Demos(), Task = "metaworld-mini/reach", Demos = 1, Policy = PolicyKind.Regression, DModel = 16, Layers = 1, Steps = 1, ScaleSteps = 0,
            BatchSize = 2, EvalInits = 0, Out = Path.Combine(_dir, "run"),
        };
        Assert.Equal(0, ConsoleCapture.Run(() => SftCommand.Run(options, json: false)).Code);
        var weights = Path.Combine(options.Out, "checkpoint", "weights.safetensors");
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 1;
        File.WriteAllBytes(weights, bytes);

        var (code, _, stderr) = ConsoleCapture.Run(() => EvalCommand.Run(Path.Combine(options.Out, "checkpoint"), null, "metaworld-mini/reach", 1, 1, null, 0, false, json: true));

        Assert.Equal(1, code);
        Assert.Contains("weights.safetensors is corrupted", stderr);
    }

    [Fact]
    public void Eval_NoCheckpoint_IsBadUsage()
        => Assert.Equal(2, ConsoleCapture.Run(() => EvalCommand.Run(null, null, "metaworld-mini/reach", 1, 1, null, 0, false, json: true)).Code);

    [Fact]
    public void Eval_TemperatureWithoutSample_IsBadUsageNamingSample()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => EvalCommand.Run("checkpoint", null, "metaworld-mini/reach", 1, 1, null, 0, sample: false, json: true, temperature: 0.5));

        Assert.Equal(2, code);
        Assert.Contains("add --sample", stderr);
    }

    [Fact]
    public void Eval_NegativeTopK_IsBadUsageNamingTheFlag()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => EvalCommand.Run("checkpoint", null, "metaworld-mini/reach", 1, 1, null, 0, sample: true, json: true, topK: -2));

        Assert.Equal(2, code);
        Assert.Contains("--top-k must be ≥ 0", stderr);
    }

    [Fact]
    public void Eval_MissingDemoContextsDirectory_FailsNamingIt()
    {
        var missing = Path.Combine(_dir, "no-demos");
        var (code, _, stderr) = ConsoleCapture.Run(() => EvalCommand.Run("checkpoint", null, "metaworld-mini/reach", 1, 1, null, 0, sample: true, json: true, demoContexts: missing));
        Assert.Equal(1, code);
        Assert.Contains("no-demos", stderr);
    }
}
