using RiptOrleans.Grains.Experiments;

namespace RiptOrleans.Grains.Tests.Experiments;

[Trait("Category", "Fast")]
public sealed class ResultsTableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-table-").FullName;

    [Fact]
    public void Markdown_HandMadeResultsFile_MeanAndStdOverSeedsPerRowAndAMeanOverUnits()
    {
        // Two pairs, two seeds each, one family; a hand-written results.jsonl as a run would leave it.
        var path = Path.Combine(_dir, "results.jsonl");
        File.WriteAllLines(path,
        [
            Results.Of("a/1", 1, 0.10, 0.90, unit: "pair-a").ToJson(),
            Results.Of("a/2", 2, 0.30, 0.70, unit: "pair-a").ToJson(),
            Results.Of("b/1", 1, 0.00, 0.40, unit: "pair-b").ToJson(),
            Results.Of("b/2", 2, 0.00, 0.60, unit: "pair-b").ToJson() + "\n",
        ]);
        var results = new ResultsStore(path).ReadAll();

        var md = ResultsTable.Markdown(ExperimentRegistry.Find("cross-scenario")!, results).Split('\n');

        Assert.Equal("# cross-scenario: Cross-scenario transfer: pretrain on scene A, SFT on few demos of scene B, RIPT on B", md[0]);
        Assert.StartsWith("Paper: Fig. 3", md[2]);
        Assert.Contains("| unit | family | variant | demos | seeds | SFT | SFT + RIPT | Δ | sampled SFT | sampled SFT + RIPT | iterations | env steps | stage-3 s | s / iteration | rollouts / s | notes |", md);
        // pair-a: SFT 10, 30 → 20.0 ± 14.1; RIPT 90, 70 → 80.0 ± 14.1; Δ +60.0.
        Assert.Contains("| pair-a | regression | ript | 1 | 2 | 20.0 ± 14.1 | 80.0 ± 14.1 | +60.0 |  |  | 2 | 5000 | 20 | 10.0 | 3.00 |  |", md);
        Assert.Contains("| pair-b | regression | ript | 1 | 2 | 0.0 ± 0.0 | 50.0 ± 14.1 | +50.0 |  |  | 2 | 5000 | 20 | 10.0 | 3.00 |  |", md);
        // Mean of units per seed: seed 1 (5, 65), seed 2 (15, 65) → SFT 10.0 ± 7.1, RIPT 65.0 ± 0.0.
        Assert.Contains("| mean of 2 units | regression | ript | 1 | 2 | 10.0 ± 7.1 | 65.0 ± 0.0 | +55.0 |  |  | 2 | 5000 | 20 | 10.0 | 3.00 |  |", md);
    }

    [Fact]
    public void Markdown_SampledEvaluation_FillsTheSampledColumns()
    {
        var tokenized = Results.Of("a/1", 1, 0.42, 0.42, family: "tokenized") with { SampledBefore = 0.16, SampledAfter = 0.38 };

        var md = ResultsTable.Markdown(ExperimentRegistry.Find("cross-scenario")!, [tokenized]);

        Assert.Contains("| scenario-close-top-drawer | tokenized | ript | 1 | 1 | 42.0 | 42.0 | +0.0 | 16.0 | 38.0 | 2 | 5000 | 20 | 10.0 | 3.00 |  |", md);
    }

    [Fact]
    public void Markdown_StoppedCell_NotedWithItsReason()
    {
        var stopped = Results.Of("a/1", 1, 0, 0) with { Status = CellResult.Stopped, StopReason = "75 groups tried (0 mixed …): no success in 600 rollouts" };

        var md = ResultsTable.Markdown(ExperimentRegistry.Find("cross-scenario")!, [stopped]);

        Assert.Contains("RIPT stopped in 1 of 1 [1] |", md);
        Assert.Contains("[1] scenario-close-top-drawer / regression / ript / 1 demos, seed 1: 75 groups tried (0 mixed …): no success in 600 rollouts", md);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
