using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Inspection;

/// <summary>
/// The inspection pages (HTML at /, /run, /contexts, /silos) and their JSON (/api/...) beside the Orleans Dashboard
/// (/dashboard): what `ript inspect` reads and a browser shows.
/// </summary>
public static class InspectionEndpoints
{
    /// <summary>Maps the pages and JSON; <see cref="ClusterInspector"/> must be a service of the silo (SiloHost registers it).</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/overview", async (ClusterInspector i) => Json(await i.OverviewAsync()));
        app.MapGet("/api/runs", async (ClusterInspector i) => Json(await i.RunsAsync()));
        app.MapGet("/api/runs/{run}", async (ClusterInspector i, string run) => Json(await i.RunAsync(run)));
        app.MapGet("/api/tasks", async (ClusterInspector i, string? run) => await WithRun(i, run, async r => Json(await i.TasksAsync(r))));
        app.MapGet("/api/contexts", async (ClusterInspector i, string? run, string? task, string? context) =>
            await WithRun(i, run, async r => Json(await i.ContextsAsync(r, task, context))));
        app.MapGet("/api/silos", async (ClusterInspector i) => Json(await i.SilosAsync()));

        app.MapGet("/", async (ClusterInspector i) => Html(InspectionPages.Overview(await i.OverviewAsync())));
        app.MapGet("/run", async (ClusterInspector i, string? id) => await WithRun(i, id, async r => Html(InspectionPages.Run(await i.RunAsync(r), await i.TasksAsync(r)))));
        app.MapGet("/contexts", async (ClusterInspector i, string? run, string? task) =>
            await WithRun(i, run, async r => Html(InspectionPages.Contexts(r, task, await i.ContextsAsync(r, task)))));
        app.MapGet("/silos", async (ClusterInspector i) => Html(InspectionPages.Silos(await i.SilosAsync())));
    }

    /// <summary>Runs the handler for the named run, or the default one; 404 naming the problem when there is none.</summary>
    private static async Task<IResult> WithRun(ClusterInspector inspector, string? run, Func<string, Task<IResult>> handler)
    {
        run ??= await inspector.DefaultRunAsync();
        return run is null ? Results.NotFound(new { error = "no run in this cluster yet (start one with ript train)" }) : await handler(run);
    }

    private static IResult Json<T>(T value) => Results.Text(JsonSerializer.Serialize(value, JsonOutput.Options), "application/json");

    private static IResult Html(string page) => Results.Text(page, "text/html; charset=utf-8");
}
