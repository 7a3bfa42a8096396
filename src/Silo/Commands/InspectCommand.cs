using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;
using RiptOrleans.Silo.Inspection;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript inspect`: the inspection pages in the terminal: runs and silos, one task's contexts, or one context's grains, read from a learner silo's (or `ript train --dashboard`'s) JSON.</summary>
internal static class InspectCommand
{
    private static readonly Option<string> UrlOption = new("--url") { Description = "Where the pages answer (ript silo --role learner, ript train --dashboard).", DefaultValueFactory = _ => WebEndpoint.Default.Url(WebEndpoint.DefaultPort) };
    private static readonly Option<string> RunOption = new("--run") { Description = "The run (default: the running one, else the first)." };
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "One task (suite/task): its statistics and its contexts." };
    private static readonly Option<string> ContextOption = new("--context") { Description = "One context (suite/task/index): its statistics and its grains." };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var command = new Command("inspect", "Per-task and per-grain state of a running cluster or embedded run: runs, silos, tasks, contexts.");
        foreach (var o in new Option[] { UrlOption, RunOption, TaskOption, ContextOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var (url, run, task, context, json) = (parse.GetValue(UrlOption)!.TrimEnd('/'), parse.GetValue(RunOption), parse.GetValue(TaskOption),
                parse.GetValue(ContextOption), parse.GetValue(JsonOption));
            if (task is not null && context is not null)
                return CommandExit.Usage("inspect", "give at most one of --task and --context");
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
                return CommandExit.Usage("inspect", $"--url: '{url}' is not a URL (e.g. http://127.0.0.1:{WebEndpoint.DefaultPort})");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var runQuery = run is null ? "" : $"run={Uri.EscapeDataString(run)}&";
            try
            {
                if (context is not null)
                {
                    var body = await GetAsync(http, $"{url}/api/contexts?{runQuery}task={Uri.EscapeDataString(ClusterInspector.TaskOf(context))}&context={Uri.EscapeDataString(context)}", ct);
                    var views = Read<List<ContextView>>(body);
                    if (views.Count == 0) return CommandExit.Failed("inspect", $"context '{context}' has no groups in this run yet");
                    return json ? Print(body) : ShowContexts(views, replicas: true);
                }
                if (task is not null)
                {
                    var tasksBody = await GetAsync(http, $"{url}/api/tasks?{runQuery}", ct);
                    var view = Read<List<TaskView>>(tasksBody).FirstOrDefault(t => t.Task == task);
                    if (view is null) return CommandExit.Failed("inspect", $"task '{task}' has no groups in this run yet");
                    var contextsBody = await GetAsync(http, $"{url}/api/contexts?{runQuery}task={Uri.EscapeDataString(task)}", ct);
                    if (json)
                    {
                        JsonOutput.Print(new { Task = view, Contexts = Read<List<ContextView>>(contextsBody) });
                        return CommandExit.Ok;
                    }
                    ShowTasks([view]);
                    return ShowContexts(Read<List<ContextView>>(contextsBody), replicas: false);
                }
                var overviewBody = await GetAsync(http, $"{url}/api/overview", ct);
                if (json) return Print(overviewBody);
                var overview = Read<ClusterView>(overviewBody);
                var runs = new Table().AddColumns("run", "phase", "iteration", "version", "rollout SR (last)", "learner silo");
                foreach (var r in overview.Runs)
                    runs.AddRow(Markup.Escape(r.Run), r.Phase, $"{Math.Min(r.Iteration + 1, r.Iterations)}/{r.Iterations}", $"v{r.PolicyVersion}",
                        r.Curve.Count == 0 ? "-" : r.Curve[^1].RolloutSuccessRate.ToString("P0", C), Markup.Escape(r.Silo));
                AnsiConsole.Write(runs);
                var silos = new Table().AddColumns("silo", "name", "status", "role", "slots", "grains");
                foreach (var s in overview.Silos)
                    silos.AddRow(Markup.Escape(s.Silo), Markup.Escape(s.Name), s.Status, s.Role ?? "?", s.Slots?.ToString(C) ?? "-",
                        Markup.Escape(string.Join(", ", s.Grains.Select(g => $"{g.Key} {g.Value}"))));
                AnsiConsole.Write(silos);
                if (overview.Runs.Count > 0 && run is null)
                {
                    var tasksBody = await GetAsync(http, $"{url}/api/tasks", ct);
                    ShowTasks(Read<List<TaskView>>(tasksBody));
                }
                return CommandExit.Ok;
            }
            catch (HttpRequestException e)
            {
                return CommandExit.Failed("inspect", $"nothing answers at {url} ({e.Message}); start the learner silo (ript silo --role learner) or a run with ript train --dashboard, or give --url");
            }
            catch (InvalidOperationException e)
            {
                return CommandExit.Failed("inspect", e.Message);
            }
        });
        return command;
    }

    private static async Task<string> GetAsync(HttpClient http, string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = body.Contains("\"error\"", StringComparison.Ordinal) ? JsonDocument.Parse(body).RootElement.GetProperty("error").GetString() : body;
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {error}");
        }
        return body;
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonOutput.Options)!;

    private static int Print(string json)
    {
        Console.Out.WriteLine(json);
        return CommandExit.Ok;
    }

    private static string Versions(IReadOnlyDictionary<long, double> byVersion) => string.Join(" ", byVersion.Select(kv => string.Create(C, $"v{kv.Key} {kv.Value:P0}")));

    private static void ShowTasks(IEnumerable<TaskView> tasks)
    {
        var table = new Table().AddColumns("task", "contexts", "groups", "SR", "SR per version", "accepted", "all-success", "all-fail", "mean length", "failure reasons");
        foreach (var t in tasks)
            table.AddRow(Markup.Escape(t.Task), t.Contexts.ToString(C), t.Groups.ToString(C), t.SuccessRate.ToString("P0", C), Versions(t.SuccessRateByVersion),
                t.Accepted.ToString(C), t.RejectedAllSuccess.ToString(C), t.RejectedAllFail.ToString(C), t.MeanEpisodeLength?.ToString("F0", C) ?? "-",
                Markup.Escape(string.Join("; ", t.FailureReasons.Take(3).Select(kv => $"{kv.Key} x{kv.Value}"))));
        AnsiConsole.Write(table);
    }

    private static int ShowContexts(IReadOnlyList<ContextView> contexts, bool replicas)
    {
        var table = new Table().AddColumns("context", "groups", "SR", "SR per version", "accepted", "all-success", "all-fail", "mean length", "grains");
        foreach (var c in contexts)
            table.AddRow(Markup.Escape(c.Context), c.Groups.ToString(C), c.SuccessRate.ToString("P0", C), Versions(c.SuccessRateByVersion), c.Accepted.ToString(C),
                c.RejectedAllSuccess.ToString(C), c.RejectedAllFail.ToString(C), c.MeanEpisodeLength?.ToString("F0", C) ?? "-", c.Replicas.Count.ToString(C));
        AnsiConsole.Write(table);
        if (!replicas) return CommandExit.Ok;
        var grains = new Table().AddColumns("grain", "silo", "groups", "rollouts", "successes", "version", "state");
        foreach (var r in contexts.SelectMany(c => c.Replicas))
            grains.AddRow(Markup.Escape(r.Grain), Markup.Escape(r.Silo), r.Groups.ToString(C), r.Rollouts.ToString(C), r.Successes.ToString(C), $"v{r.PolicyVersion}",
                r.RunningJob is null ? "idle" : $"running, {r.EpisodesDone}/{r.Envs} episodes done");
        AnsiConsole.Write(grains);
        foreach (var c in contexts.Where(c => c.FailureReasons.Count > 0))
            Console.Out.WriteLine($"failure reasons of {c.Context}: {string.Join("; ", c.FailureReasons.Select(kv => $"{kv.Key} x{kv.Value}"))}");
        return CommandExit.Ok;
    }
}
