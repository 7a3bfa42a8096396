using RiptOrleans.Learner.Reports;

namespace RiptOrleans.Learner.Tests.Reports;

/// <summary>metrics.jsonl after a crash mid-write: the partial last line is dropped, never parsed.</summary>
[Trait("Category", "Fast")]
public sealed class MetricsLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-metrics-").FullName;
    private string Path_ => Path.Combine(_dir, "metrics.jsonl");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadLines_PartialLastLine_LeavesItOut()
    {
        File.WriteAllText(Path_, "{\"iteration\":0}\n{\"iteration\":1}\n{\"itera");

        Assert.Equal(["{\"iteration\":0}", "{\"iteration\":1}"], MetricsLog.ReadLines(Path_));
    }

    [Fact]
    public void Append_AfterAPartialLastLine_DropsItFirst()
    {
        File.WriteAllText(Path_, "{\"iteration\":0}\n{\"itera");

        using (var log = new MetricsLog(Path_, append: true))
            log.Append("{\"iteration\":1}");

        Assert.Equal("{\"iteration\":0}\n{\"iteration\":1}\n", File.ReadAllText(Path_));
    }

    [Fact]
    public void KeepLines_PartialLastLine_RewritesOnlyCompleteAcceptedLines()
    {
        File.WriteAllText(Path_, "a\nb\nc\npartial");

        MetricsLog.KeepLines(Path_, l => l != "b");

        Assert.Equal(["a", "c"], File.ReadAllLines(Path_));
    }
}
