using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Silo.Hosting;
using RiptOrleans.Silo.Tests.Support;
using Xunit.Abstractions;

namespace RiptOrleans.Silo.Tests.Inspection;

/// <summary>
/// An embedded run that serves the dashboard and inspection pages (`ript train --dashboard`), loaded in headless
/// Chromium (Debian's chromium): each page shows what it is for. Screenshots go to the test's output directory.
/// </summary>
[Trait("Category", "Slow")]
public class InspectionPagesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Task = "metaworld-mini/reach";
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-pages-").FullName;
    private EmbeddedSilo _silo = null!;
    private RiptRunOptions _run = null!;

    public async Task InitializeAsync()
    {
        _silo = await EmbeddedSilo.StartAsync(new SiloSettings { Web = new WebEndpoint(IPAddress.Loopback, 0) });
        _run = new RiptRunOptions(Path.Combine(_dir, "paged"), [Task], UntrainedCheckpoint.Save(Path.Combine(_dir, "start"), Task),
            new RiptOptions { K = 4, BatchSize = 8, Epochs = 1, MinibatchSize = 4, DynamicRejection = false }, 2)
        {
            ContextsPerTask = 3, EvalInits = 0, Workers = 2, Seed = 2,
        };
        await RunClient.RunAsync(_silo.Grains, _run, null, null, default).WaitAsync(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

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
        var url = _silo.WebUrl!;
        var sw = Stopwatch.StartNew();

        var overview = await Chromium("--dump-dom", $"{url}/");
        var run = await Chromium("--dump-dom", $"{url}/run?id={_run.RunId}");
        var contexts = await Chromium("--dump-dom", $"{url}/contexts?run={_run.RunId}&task={Uri.EscapeDataString(Task)}");
        var dashboard = await Chromium("--dump-dom", $"{url}/dashboard/#/grains");
        var shots = Shots();
        await Chromium("--window-size=1400,1400", $"--screenshot={Path.Combine(shots, "run.png")}", $"{url}/run?id={_run.RunId}");
        await Chromium("--window-size=1400,1000", $"--screenshot={Path.Combine(shots, "dashboard.png")}", $"{url}/dashboard/");
        output.WriteLine($"pages loaded in {sw.Elapsed.TotalSeconds:F1}s; screenshots in {shots}");

        Assert.Contains(_run.RunId, overview, StringComparison.Ordinal);
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

        var json = await http.GetStringAsync($"{_silo.WebUrl}/api/contexts?run={_run.RunId}&task={Uri.EscapeDataString(Task)}");
        var contexts = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

        Assert.NotEmpty(contexts);
        Assert.Equal(4, contexts.Sum(c => c.GetProperty("groups").GetInt32()));
        Assert.All(contexts, c => Assert.NotEmpty(c.GetProperty("replicas").EnumerateArray()));
        Assert.All(contexts, c => Assert.StartsWith(Task + "/", c.GetProperty("context").GetString()));
    }
}
