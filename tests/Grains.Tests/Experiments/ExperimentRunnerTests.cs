using RiptOrleans.Grains.Experiments;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains.Tests.Experiments;

[Trait("Category", "Fast")]
public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-experiment-").FullName;

    private static readonly ExperimentGrid Grid = ExperimentGrid.Expand(ExperimentRegistry.Find("cross-scenario")!, new GridSelection
    {
        Pairs = ["scenario-close-top-drawer"], Demos = [1], Seeds = [1, 2], Families = [PolicyKind.Regression],
    });

    private static readonly CellSettings Settings = new() { Iterations = 2, EvalInits = 5 };

    /// <summary>A runner whose cells are hand-made results, recording which cells ran and what their directory held.</summary>
    private ExperimentRunner Runner(List<string> ran, List<string>? seen = null) => new(_dir, Settings, (_, _, _, _) => throw new InvalidOperationException("no RIPT here"))
    {
        RunCell = (cell, paths, _) =>
        {
            ran.Add(cell.Id);
            seen?.AddRange(Directory.GetFileSystemEntries(CellPaths.CellDirectory(_dir, cell)).Select(Path.GetFileName)!);
            return Task.FromResult(Results.Of(cell.Id, cell.Seed, 0.2, 0.6));
        },
    };

    [Fact]
    public async Task RunAsync_Resumed_SkipsFinishedCells()
    {
        var first = new List<string>();
        await Runner(first).RunAsync(Grid, resume: false, default);
        var second = new List<string>();

        var results = await Runner(second).RunAsync(Grid, resume: true, default);

        Assert.Equal(2, first.Count);
        Assert.Empty(second);
        Assert.Equal(2, results.Count);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_dir, "results.jsonl")).Length);
    }

    [Fact]
    public async Task RunAsync_HalfFinishedCell_RunsAgainFromAnEmptyDirectory()
    {
        var first = new List<string>();
        await Runner(first).RunAsync(Grid with { Cells = [Grid.Cells[0]] }, resume: false, default);
        // Seed 2's cell started and died: its directory holds a partial run, results.jsonl has no line for it.
        var half = CellPaths.CellDirectory(_dir, Grid.Cells[1]);
        Directory.CreateDirectory(Path.Combine(half, "sft"));
        var ran = new List<string>();
        var seen = new List<string>();

        await Runner(ran, seen).RunAsync(Grid, resume: true, default);

        Assert.Equal([Grid.Cells[1].Id], ran);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task RunAsync_TornLastResultLine_RunsThatCellAgain()
    {
        await Runner([]).RunAsync(Grid, resume: false, default);
        var path = Path.Combine(_dir, "results.jsonl");
        var lines = File.ReadAllLines(path);
        File.WriteAllText(path, lines[0] + "\n" + lines[1][..20]);
        var ran = new List<string>();

        await Runner(ran).RunAsync(Grid, resume: true, default);

        Assert.Equal([Grid.Cells[1].Id], ran);
        Assert.Equal(2, new ResultsStore(path).ReadAll().Count);
    }

    [Fact]
    public async Task RunAsync_ExistingExperimentWithoutResume_IsRefusedNamingTheFlag()
    {
        await Runner([]).RunAsync(Grid, resume: false, default);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Runner([]).RunAsync(Grid, resume: false, default));

        Assert.Contains("already holds experiment cross-scenario (2 cells finished): pass --resume", e.Message);
    }

    [Fact]
    public async Task RunAsync_ResumedWithOtherSettings_IsRefusedNamingThem()
    {
        await Runner([]).RunAsync(Grid, resume: false, default);
        var other = new ExperimentRunner(_dir, Settings with { Iterations = 3 }, (_, _, _, _) => throw new InvalidOperationException());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => other.RunAsync(Grid, resume: true, default));

        Assert.Contains("iterations 2 (now 3)", e.Message);
    }

    [Fact]
    public async Task RunAsync_EveryCell_RewritesTheTableAndThePage()
    {
        await Runner([]).RunAsync(Grid, resume: false, default);

        Assert.Contains("| scenario-close-top-drawer | regression | ript | 1 | 2 | 20.0 ± 0.0 | 60.0 ± 0.0 | +40.0 |  |  |", File.ReadAllText(Path.Combine(_dir, "results.md")));
        var page = File.ReadAllText(Path.Combine(_dir, "results.html"));
        Assert.Contains("<svg", page);
        Assert.Contains("success rate vs demonstrations", page);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
