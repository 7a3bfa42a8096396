using System.Text.Json;
using System.Text.Json.Nodes;
using RiptOrleans.Learner.Runs;
using Serilog;

namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// Runs an experiment's grid into one directory: results.jsonl (a line per finished cell), results.md and
/// results.html rewritten after every cell, shared/ steps reused between cells and cells/&lt;cell&gt;/ per cell. With
/// resume, finished cells are skipped and a half-finished one (its directory without a result line) is run again
/// from scratch; without it, a directory that already holds an experiment is refused.
/// </summary>
public sealed class ExperimentRunner(string outDir, CellSettings settings, RiptRunStarter starter)
{
    private static readonly ILogger Logger = Log.ForContext<ExperimentRunner>();

    public string OutDirectory { get; } = outDir;
    public string ResultsPath => Path.Combine(OutDirectory, "results.jsonl");
    public string TablePath => Path.Combine(OutDirectory, "results.md");
    public string PagePath => Path.Combine(OutDirectory, "results.html");
    private string ManifestPath => Path.Combine(OutDirectory, "experiment.json");

    public CellHooks Hooks { get; init; } = new();

    /// <summary>Runs one cell (the real pipeline by default; tests supply their own).</summary>
    public Func<ExperimentCell, CellPaths, CancellationToken, Task<CellResult>>? RunCell { get; init; }

    /// <summary>Called before each cell with (index, count, cell, what happens: "run", "rerun", "skip").</summary>
    public Action<int, int, ExperimentCell, string>? OnCell { get; init; }

    /// <summary>Runs every cell of <paramref name="grid"/> not finished yet; returns the results of the grid's cells.</summary>
    public async Task<IReadOnlyList<CellResult>> RunAsync(ExperimentGrid grid, bool resume, CancellationToken ct)
    {
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors));
        // One owner per experiment directory (two runners would interleave results.jsonl); fresh vs resume is the manifest's rule.
        using var owner = RunDirectory.Claim(OutDirectory, RunStart.Resume, "ript experiment");
        CheckManifest(grid.Definition.Name, resume);
        var store = new ResultsStore(ResultsPath);
        var finished = store.FinishedCells();
        for (var i = 0; i < grid.Cells.Count; i++)
        {
            var cell = grid.Cells[i];
            var own = CellPaths.CellDirectory(OutDirectory, cell);
            if (finished.Contains(cell.Id))
            {
                OnCell?.Invoke(i, grid.Cells.Count, cell, "skip");
                continue;
            }
            var half = Directory.Exists(own);
            OnCell?.Invoke(i, grid.Cells.Count, cell, half ? "rerun" : "run");
            if (half)
            {
                Logger.Information("Cell {Cell} was left half-finished: running it again", cell.Id);
                Directory.Delete(own, recursive: true);
            }
            Directory.CreateDirectory(own);
            var paths = CellPaths.ForExperiment(OutDirectory, cell, settings);
            var result = RunCell is { } run ? await run(cell, paths, ct)
                : await CellPipeline.RunAsync(cell, settings, paths, starter, Hooks, ct);
            store.Append(result);
            WriteReports(grid.Definition, store.ReadAll());
        }
        var all = store.ReadAll();
        WriteReports(grid.Definition, all);
        var ids = grid.Cells.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return all.Where(r => ids.Contains(r.Cell)).ToList();
    }

    /// <summary>results.md and results.html over every result of the directory (earlier trims included).</summary>
    public void WriteReports(ExperimentDefinition definition, IReadOnlyList<CellResult> results)
    {
        File.WriteAllText(TablePath, ResultsTable.Markdown(definition, results));
        ResultsPage.Write(PagePath, definition, results);
    }

    /// <summary>experiment.json names the experiment and the settings its results were measured with; a resume must match them.</summary>
    private void CheckManifest(string experiment, bool resume)
    {
        var manifest = new JsonObject
        {
            ["experiment"] = experiment,
            ["settings"] = JsonSerializer.SerializeToNode(settings, CellResult.Json),
        };
        if (File.Exists(ManifestPath))
        {
            var existing = JsonNode.Parse(File.ReadAllText(ManifestPath))!;
            var name = existing["experiment"]?.GetValue<string>();
            var done = new ResultsStore(ResultsPath).ReadAll().Count;
            if (!resume)
                throw new InvalidOperationException($"{OutDirectory} already holds experiment {name} ({done} cells finished): " +
                    "pass --resume to continue it, or choose another --out");
            if (name != experiment)
                throw new InvalidOperationException($"{OutDirectory} holds experiment {name}, not {experiment}; choose another --out");
            var old = existing["settings"]!.AsObject();
            var now = manifest["settings"]!.AsObject();
            var differ = old.Select(kv => kv.Key).Union(now.Select(kv => kv.Key))
                .Where(k => !JsonNode.DeepEquals(old[k], now[k])).ToList();
            if (differ.Count > 0)
                throw new InvalidOperationException($"{OutDirectory}'s results were measured with other settings: " +
                    string.Join(", ", differ.Select(k => $"{k} {old[k]?.ToJsonString() ?? "unset"} (now {now[k]?.ToJsonString() ?? "unset"})")) +
                    "; resume with the same flags, or choose another --out");
            return;
        }
        Directory.CreateDirectory(OutDirectory);
        File.WriteAllText(ManifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
