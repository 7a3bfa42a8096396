using RiptOrleans.Grains.Experiments;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Silo.Commands;
using RiptOrleans.Silo.Tests.Support;

namespace RiptOrleans.Silo.Tests.Commands;

[Collection("Console")]
public sealed class ExperimentCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-experiment-cmd-").FullName;

    private static ExperimentDefinition Named(string name) => ExperimentRegistry.Find(name)!;

    [Fact]
    [Trait("Category", "Fast")]
    public void Run_UnknownSuite_IsBadUsageNamingIt()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => ExperimentCommand.RunAsync(Named("multitask"), new GridSelection { Suites = ["libero-100"] }, new CellSettings(),
            _dir, resume: false, listOnly: false, json: false, default).Result);

        Assert.Equal(2, code);
        Assert.Contains("unknown suite 'libero-100'", stderr);
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Run_ListOnly_PrintsTheCellsAndRunsNothing()
    {
        var (code, stdout, _) = ConsoleCapture.Run(() => ExperimentCommand.RunAsync(Named("cross-scenario"), new GridSelection { Demos = [1], Seeds = [1] },
            new CellSettings(), _dir, resume: false, listOnly: true, json: false, default).Result);

        Assert.Equal(0, code);
        Assert.Contains("scenario-bowl-in-top-drawer/tokenized/1-demos/seed-1/ript", stdout);
        Assert.False(File.Exists(Path.Combine(_dir, "results.jsonl")));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Run_BadSettings_IsBadUsageNamingTheFlag()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => ExperimentCommand.RunAsync(Named("cross-scenario"), new GridSelection(), new CellSettings { EvalInits = 0 },
            _dir, resume: false, listOnly: false, json: false, default).Result);

        Assert.Equal(2, code);
        Assert.Contains("--eval-inits must be in [1, 50], got 0", stderr);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Run_TinyCellThenResume_WritesOneResultAndSkipsItTheSecondTime()
    {
        // One cell of the ablation's rejection-off arm on a tiny budget: every group counts, so one iteration always completes.
        var selection = new GridSelection { Variants = ["rejection-off"], Families = [PolicyKind.Regression], Seeds = [1] };
        var settings = new CellSettings { Iterations = 1, EvalInits = 1, EvalEvery = 0, PretrainDemos = 2, SftStepCap = 5, K = 2, BatchSize = 2, Workers = 2 };

        var (code, stdout, stderr) = ConsoleCapture.Run(() => ExperimentCommand.RunAsync(Named("dynamic-sampling"), selection, settings, _dir,
            resume: false, listOnly: false, json: false, default).Result);
        var (again, stdout2, _) = ConsoleCapture.Run(() => ExperimentCommand.RunAsync(Named("dynamic-sampling"), selection, settings, _dir,
            resume: true, listOnly: false, json: false, default).Result);

        Assert.True(code == 0, stderr);
        var result = Assert.Single(new ResultsStore(Path.Combine(_dir, "results.jsonl")).ReadAll());
        Assert.Equal("scenario-close-top-drawer/regression/1-demos/seed-1/rejection-off", result.Cell);
        Assert.Equal(1, result.IterationsRun);
        Assert.Contains("| scenario-close-top-drawer | regression | rejection-off | 1 | 1 |", stdout);
        Assert.Equal(0, again);
        Assert.Contains("finished earlier, skipped", stdout2);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
