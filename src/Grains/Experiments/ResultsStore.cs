using System.Text.Json;
using Serilog;

namespace RiptOrleans.Grains.Experiments;

/// <summary>An experiment's results.jsonl: one line per finished cell, appended and flushed as each cell ends.</summary>
public sealed class ResultsStore(string path)
{
    private static readonly ILogger Logger = Log.ForContext<ResultsStore>();

    public string FilePath { get; } = path;

    /// <summary>
    /// Every result line. A malformed last line (a crash while writing it) is left out with a warning, so its cell
    /// reruns; a malformed line before the last is refused naming it.
    /// </summary>
    public IReadOnlyList<CellResult> ReadAll()
    {
        if (!File.Exists(FilePath)) return [];
        var lines = File.ReadAllLines(FilePath).Select((l, i) => (Line: l, Number: i + 1)).Where(l => l.Line.Trim().Length > 0).ToList();
        var results = new List<CellResult>();
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                results.Add(CellResult.Parse(lines[i].Line));
            }
            catch (JsonException e)
            {
                if (i < lines.Count - 1)
                    throw new InvalidDataException($"{FilePath} line {lines[i].Number} is not a cell result: {e.Message}");
                Logger.Warning("Ignoring the unfinished last line {Line} of {Path}: {Error}", lines[i].Number, FilePath, e.Message);
            }
        }
        return results;
    }

    /// <summary>Ids of the cells with a result.</summary>
    public IReadOnlySet<string> FinishedCells() => ReadAll().Select(r => r.Cell).ToHashSet(StringComparer.Ordinal);

    public void Append(CellResult result)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath))!);
        // A torn last line from a crash is dropped first, so the new line starts on a line of its own.
        var kept = ReadAll();
        if (File.Exists(FilePath) && File.ReadAllLines(FilePath).Count(l => l.Trim().Length > 0) != kept.Count)
            File.WriteAllLines(FilePath, kept.Select(r => r.ToJson()));
        using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(result.ToJson());
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
