using System.Text.Json;
using RiptOrleans.Silo.Commands;

using RiptOrleans.Silo.Tests.Support;

namespace RiptOrleans.Silo.Tests.Commands;

/// <summary>Smoke tests of `ript tasks`, `ript experts` and `ript demos` with tiny budgets.</summary>
[Collection("Console")]
[Trait("Category", "Fast")]
public class TaskCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-tasks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);


    [Fact]
    public void Tasks_Json_ListsEverySuiteWithInstructionsAndHorizons()
    {
        var (code, stdout, _) = ConsoleCapture.Run(() => TasksCommand.Run(null, json: true));

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var suites = doc.RootElement.GetProperty("suites").EnumerateArray().ToList();
        var mini = suites.Single(s => s.GetProperty("suite").GetString() == "libero-mini");
        Assert.Equal(16, mini.GetProperty("tasks").GetArrayLength());
        var first = mini.GetProperty("tasks")[0];
        Assert.Equal("close the top drawer of the cabinet", first.GetProperty("instruction").GetString());
        Assert.True(first.GetProperty("horizon").GetInt32() > 0);
    }

    [Fact]
    public void Tasks_UnknownSuite_IsBadUsageListingTheSuites()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => TasksCommand.Run("nope", json: false));

        Assert.Equal(2, code);
        Assert.Contains("libero-mini", stderr);
    }

    [Fact]
    public void Tasks_Split_ListsItsTasks()
    {
        var (code, stdout, _) = ConsoleCapture.Run(() => TasksCommand.Run("metaworld", json: true, split: "ml45-train"));

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var split = doc.RootElement.GetProperty("suites").EnumerateArray().Single();
        Assert.Equal("metaworld:ml45-train", split.GetProperty("suite").GetString());
        Assert.Equal(45, split.GetProperty("tasks").GetArrayLength());
        Assert.Empty(split.GetProperty("not_registered").EnumerateArray());
    }

    [Fact]
    public void Tasks_PartialSuite_ListsItsRegisteredTasksAndNamesTheUnregisteredOnes()
    {
        var (code, stdout, _) = ConsoleCapture.Run(() => TasksCommand.Run("libero-90", json: true));

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
        var suite = doc.RootElement.GetProperty("suites").EnumerateArray().Single();
        var missing = suite.GetProperty("not_registered").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.NotEmpty(missing);
        Assert.Equal(90, suite.GetProperty("tasks").GetArrayLength() + missing.Count);
        Assert.DoesNotContain(suite.GetProperty("tasks").EnumerateArray(), t => missing.Contains(t.GetProperty("task").GetString()));
    }

    [Fact]
    public void Tasks_UnknownSplitOrSplitWithoutSuite_IsBadUsageListingTheSplits()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => TasksCommand.Run("metaworld", json: false, split: "ml10"));

        Assert.Equal(2, code);
        Assert.Contains("ml45-train", stderr);
        Assert.Equal(2, ConsoleCapture.Run(() => TasksCommand.Run(null, json: false, split: "ml45-train")).Code);
    }

    [Fact]
    public void Experts_UnknownTask_IsBadUsageListingKnownTasks()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => ExpertsCommand.Run(null, "no-such-task", 1, 1, json: true));

        Assert.Equal(2, code);
        Assert.Contains("unknown task 'no-such-task'", stderr);
        Assert.Contains("metaworld-mini/reach", stderr);
    }

    [Fact]
    public void Experts_InitsOutOfRange_IsBadUsage()
    {
        Assert.Equal(2, ConsoleCapture.Run(() => ExpertsCommand.Run("metaworld-mini", null, 0, 1, json: true)).Code);
    }

    [Fact]
    public void Demos_WithoutOut_IsBadUsageNamingTheOption()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => DemosCommand.Run(null, "metaworld-mini/reach", 1, null, 0.0, false, 64, json: true));

        Assert.Equal(2, code);
        Assert.Contains("--out", stderr);
    }
}
