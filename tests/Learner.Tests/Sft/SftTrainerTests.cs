using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Learner.Tests.Sft;

/// <summary>Short SFT runs on metaworld-mini/reach: losses fall, the policy beats an untrained one, the run directory is complete.</summary>
public sealed class SftTrainerTests : IClassFixture<ReachDemosFixture>, IDisposable
{
    private readonly ReachDemosFixture _demos;
    private readonly string _out = Directory.CreateTempSubdirectory("ript-sft-").FullName;

    public SftTrainerTests(ReachDemosFixture demos) => _demos = demos;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private SftOptions Options(PolicyKind kind) => new()
    {
        DemoDir = _demos.Directory, Task = "metaworld-mini/reach", Demos = 10, Policy = kind, DModel = 64,
        AutoencoderSteps = 200, Steps = kind == PolicyKind.Tokenized ? 300 : 200, ScaleSteps = 20, BatchSize = 32, LogEvery = 50, EvalInits = 10, EvalThreads = 2, Out = _out,
    };

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void Run_OnReach_LowersTheLossAndBeatsAnUntrainedPolicy(PolicyKind kind)
    {
        var options = Options(kind);
        var result = SftTrainer.Run(options);

        foreach (var (stage, first) in result.FirstLoss)
            Assert.True(result.FinalLoss[stage] < first, $"{stage}: {first} → {result.FinalLoss[stage]}");

        var data = DemoDataset.Load(options.DemoDir, [TaskRegistry.Get("metaworld-mini/reach")], 10, []);
        using var untrained = PolicyFactory.Create(options.PolicyConfig(data.StateDim, data.ActionDim, 0), data.Inputs, new RiptOrleans.Learner.Torch.Generator(1));
        untrained.Train(false);
        var baseline = PolicyEvaluation.Run(untrained, [TaskRegistry.Get("metaworld-mini/reach")], new EvaluationOptions(10, 2))[0].SuccessRate;
        Assert.True(result.MeanSuccessRate > baseline, $"SFT {result.MeanSuccessRate} vs untrained {baseline}");

        Assert.True(File.Exists(Path.Combine(result.CheckpointDirectory, "weights.safetensors")));
        var lines = File.ReadAllLines(result.MetricsPath);
        Assert.Contains(lines, l => l.Contains("\"eval/success_rate\""));
        Assert.Contains("<svg", File.ReadAllText(result.ReportPath));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Run_InitFromACheckpoint_StartsFromItsWeights()
    {
        var first = SftTrainer.Run(Options(PolicyKind.Regression) with { Steps = 60, ScaleSteps = 0, EvalInits = 0, Out = Path.Combine(_out, "a") });
        var second = SftTrainer.Run(Options(PolicyKind.Regression) with
        {
            Steps = 2, ScaleSteps = 0, EvalInits = 0, InitFrom = first.CheckpointDirectory, DModel = 8, Out = Path.Combine(_out, "b"),
        });
        Assert.True(second.FirstLoss["action"] < first.FirstLoss["action"] * 0.8, $"{second.FirstLoss["action"]} vs {first.FirstLoss["action"]}");
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Load_FileThenEnvironment_EnvironmentWinsAndUnknownKeysAreNamed()
    {
        var path = Path.Combine(_out, "sft.json");
        File.WriteAllText(path, """{"task": "reach", "demos": 5, "policy": "regression", "steps": 10}""");
        var o = SftOptions.Load(path, new Dictionary<string, string> { ["RIPT_SFT_DEMOS"] = "3", ["RIPT_SFT_CAMERAS"] = "[\"corner2\"]" });
        Assert.Equal((3, PolicyKind.Regression, 10, "corner2"), (o.Demos, o.Policy, o.Steps, o.Cameras.Single()));

        File.WriteAllText(path, """{"demoz": 5}""");
        var e = Assert.Throws<InvalidDataException>(() => SftOptions.Load(path, new Dictionary<string, string>()));
        Assert.Contains("demoz", e.Message);
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Validate_ZeroDemos_NamesTheField()
        => Assert.Contains("sft.demos must be in [1, 10000], got 0 (--demos)", new SftOptions { Task = "reach", Demos = 0 }.Validate());

    [Fact]
    [Trait("Category", "Fast")]
    public void Run_TooFewDemosInTheFile_ThrowsNamingTheCounts()
    {
        var e = Assert.Throws<InvalidDataException>(() => SftTrainer.Run(Options(PolicyKind.Tokenized) with { Demos = 11 }));
        Assert.Contains("holds 10 episodes", e.Message);
    }
}
