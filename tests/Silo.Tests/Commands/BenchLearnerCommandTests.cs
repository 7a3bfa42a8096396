using System.Text.Json;
using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo.Tests.Commands;

/// <summary>Runs alone: it redirects Console.Out.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Smoke test of `ript bench learner` with a tiny budget.</summary>
[Collection(nameof(ConsoleCollection))]
[Trait("Category", "Fast")]
public sealed class BenchLearnerCommandTests
{
    [Fact]
    public async Task Invoke_TinyModelJson_PrintsBenchShape()
    {
        var cmd = BenchLearnerCommand.Create();
        var writer = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(writer);
        int rc;
        try
        {
            rc = await cmd.Parse(["--json", "--model", "tiny", "--leak-steps", "20", "--rounds", "1", "--threads", "1"]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(0, rc);
        var last = writer.ToString().Trim().Split('\n')[^1];
        using var doc = JsonDocument.Parse(last);
        var root = doc.RootElement;
        Assert.Equal("learner", root.GetProperty("bench").GetString());
        Assert.Equal("steps/s", root.GetProperty("unit").GetString());
        Assert.True(root.GetProperty("value").GetDouble() > 0);
        Assert.True(root.GetProperty("reference").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("live_tensors_leaked").GetInt64());
    }

    [Fact]
    public async Task Invoke_BadDevice_ReturnsUsageError()
    {
        var rc = await BenchLearnerCommand.Create().Parse(["--device", "tpu"]).InvokeAsync();
        Assert.Equal(2, rc);
    }
}
