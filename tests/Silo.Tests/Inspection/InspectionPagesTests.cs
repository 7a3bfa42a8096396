using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace RiptOrleans.Silo.Tests.Inspection;

/// <summary>
/// An embedded run that serves the dashboard and inspection pages (`ript train --dashboard`), loaded in headless
/// Chromium (Debian's chromium): each page shows what it is for. The run is trained once, by the class fixture.
/// Screenshots go to the test's output directory.
/// </summary>
[Trait("Category", "Slow")]
public class InspectionPagesTests(InspectedRunFixture fixture, ITestOutputHelper output) : IClassFixture<InspectedRunFixture>
{
    private const string Task = InspectedRunFixture.Task;

    /// <summary>Runs headless Chromium on a page: its DOM after scripts ran, or a screenshot.</summary>
    private static async Task<string> Chromium(params string[] args)
    {
        var info = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--virtual-time-budget=8000" }.Concat(args))
            info.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("headless Chromium is needed (Debian's chromium; scripts/bootstrap installs it)", e);
        }
        using (p)
        {
            var dom = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            return await dom;
        }
    }

    private static string Shots()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task Pages_InHeadlessChromium_ShowTheRunItsTaskContextsSilosAndTheDashboard()
    {
        var url = fixture.WebUrl;
        var sw = Stopwatch.StartNew();

        var overview = await Chromium("--dump-dom", $"{url}/");
        var run = await Chromium("--dump-dom", $"{url}/run?id={fixture.RunId}");
        var contexts = await Chromium("--dump-dom", $"{url}/contexts?run={fixture.RunId}&task={Uri.EscapeDataString(Task)}");
        var dashboard = await Chromium("--dump-dom", $"{url}/dashboard/#/grains");
        var shots = Shots();
        await Chromium("--window-size=1400,1400", $"--screenshot={Path.Combine(shots, "run.png")}", $"{url}/run?id={fixture.RunId}");
        await Chromium("--window-size=1400,1000", $"--screenshot={Path.Combine(shots, "dashboard.png")}", $"{url}/dashboard/");
        output.WriteLine($"pages loaded in {sw.Elapsed.TotalSeconds:F1}s; screenshots in {shots}");

        Assert.Contains(fixture.RunId, overview, StringComparison.Ordinal);
        Assert.Contains("Finished", overview, StringComparison.Ordinal);
        Assert.Contains("ContextGroupGrain", overview, StringComparison.Ordinal);
        Assert.Contains(Task, run, StringComparison.Ordinal);
        Assert.Contains("rejected all-fail", run, StringComparison.Ordinal);
        Assert.Contains("<svg", run, StringComparison.Ordinal);
        Assert.Contains("iteration 2 of 2", run, StringComparison.Ordinal);
        Assert.Matches($@"<td>{Task}/\d+</td>", contexts);
        Assert.Contains("groups, idle", contexts, StringComparison.Ordinal);
        Assert.Contains("ContextGroupGrain", dashboard, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(shots, "run.png")).Length > 10_000);
    }

    [Fact]
    public async Task ApiContexts_OfTheRunsTask_ReportEveryContextWithItsGrains()
    {
        using var http = new HttpClient();

        var json = await http.GetStringAsync($"{fixture.WebUrl}/api/contexts?run={fixture.RunId}&task={Uri.EscapeDataString(Task)}");
        var contexts = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

        Assert.NotEmpty(contexts);
        Assert.Equal(4, contexts.Sum(c => c.GetProperty("groups").GetInt32()));
        Assert.All(contexts, c => Assert.NotEmpty(c.GetProperty("replicas").EnumerateArray()));
        Assert.All(contexts, c => Assert.StartsWith(Task + "/", c.GetProperty("context").GetString()));
    }
}
