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
        // One ratio per round, the figures being medians over them; the warm-up ran but is not in them; CPU from /proc beside.
        Assert.Equal(1, o.GetProperty("round_ratios").GetArrayLength());
        Assert.Equal(o.GetProperty("value").GetDouble() / o.GetProperty("reference").GetDouble(), o.GetProperty("round_ratios")[0].GetDouble(), 6);
        Assert.True(o.GetProperty("warm_up_s").GetDouble() > 0);
        Assert.True(o.GetProperty("worker_cpu_ms_per_rollout_2_silos").GetDouble() > 0);
        Assert.Equal([1, 1], o.GetProperty("groups_per_silo_2_silos")[0].EnumerateArray().Select(e => e.GetInt32()).Order());
        var detection = o.GetProperty("failure_detection_s").GetDouble();
        Assert.InRange(detection, 0.01, 30);
    }
}
