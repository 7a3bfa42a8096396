using System.CommandLine;
using System.Text.Json;
using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo.Tests.Commands;

/// <summary>Smoke tests of `ript bench physics|render --json` with a tiny time budget; speed itself lives in `ript bench`.</summary>
[Collection("Console")]
[Trait("Category", "Slow")]
public class BenchCommandTests
{
    [Theory]
    [InlineData("physics", "control_steps/s")]
    [InlineData("render", "frames/s")]
    public void Invoke_JsonWithTinyBudget_PrintsBenchObjectAsLastLine(string bench, string unit)
    {
        var root = new RootCommand { BenchCommand.Create() };
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = root.Parse(["bench", bench, "--json", "--seconds", "0.02"]).Invoke();
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal(0, code);
        var last = output.ToString().TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var o = json.RootElement;
        Assert.Equal(bench, o.GetProperty("bench").GetString());
        Assert.Equal(unit, o.GetProperty("unit").GetString());
        Assert.True(o.GetProperty("value").GetDouble() > 0);
        Assert.True(o.GetProperty("reference").GetDouble() > 0);
        Assert.True(o.GetProperty("ratio").GetDouble() > 0);
    }

    [Fact]
    public void Invoke_FarmJsonWithTinyBudget_PrintsBothRatiosWithTheirFigures()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = root.Parse(["bench", "farm", "--json", "--task", "metaworld-mini/reach", "--groups", "2", "--k", "2", "--workers", "2", "--skip-kill-test"]).Invoke();
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString().TrimEnd().Split('\n')[^1]);
        var o = json.RootElement;
        Assert.Equal("farm", o.GetProperty("bench").GetString());
        Assert.True(o.GetProperty("ratio").GetDouble() > 0);
        var orleans = o.GetProperty("orleans_rollouts_per_s").GetDouble();
        var direct = o.GetProperty("direct_rollouts_per_s").GetDouble();
        Assert.True(orleans > 0 && direct > 0);
        Assert.Equal(orleans / direct, o.GetProperty("orleans_vs_direct_ratio").GetDouble(), 9);
    }

    [Fact]
    public void Invoke_NonPositiveSeconds_ReturnsBadUsage()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, root.Parse(["bench", "physics", "--seconds", "0"]).Invoke());
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("--seconds", error.ToString());
    }
}
