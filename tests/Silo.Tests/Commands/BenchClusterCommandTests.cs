using System.CommandLine;
using System.Text.Json;
using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo.Tests.Commands;

/// <summary>Smoke test of `ript bench cluster --json` with a tiny budget: a local cluster of real silo processes, both figures and the kill test's detection time.</summary>
[Collection("Console")]
[Trait("Category", "Fault")]
public class BenchClusterCommandTests
{
    [Fact]
    public async Task Invoke_ClusterJsonWithTinyBudget_PrintsTheRatioAndTheFailureDetectionTime()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = await root.Parse(["bench", "cluster", "--json", "--task", "metaworld-mini/reach", "--groups", "2", "--k", "2", "--rounds", "1"]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString().TrimEnd().Split('\n')[^1]);
        var o = json.RootElement;
        Assert.Equal("cluster", o.GetProperty("bench").GetString());
        Assert.True(o.GetProperty("value").GetDouble() > 0 && o.GetProperty("reference").GetDouble() > 0);
        Assert.Equal(2, o.GetProperty("worker_silos").GetInt32());
        var detection = o.GetProperty("failure_detection_s").GetDouble();
        Assert.InRange(detection, 0.01, 30);
    }
}
