using System.Text.Json;

namespace RiptOrleans.Learner.Reports;

/// <summary>One run's metrics.jsonl: a JSON object per line, flushed as each line is written, so a crash loses at most the line in progress.</summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter _writer;

    /// <param name="append">Continue an existing file (a resumed run) instead of starting it afresh.</param>
    public MetricsLog(string path, bool append = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FilePath = path;
        _writer = new StreamWriter(path, append) { AutoFlush = true };
    }

    /// <summary>Where the lines go.</summary>
    public string FilePath { get; }

    /// <summary>Lines this instance wrote through <see cref="Append(IReadOnlyDictionary{string, object})"/>, in order.</summary>
    public List<IReadOnlyDictionary<string, object?>> Lines { get; } = new();

    public void Append(IReadOnlyDictionary<string, object?> line)
    {
        Lines.Add(line);
        _writer.WriteLine(JsonSerializer.Serialize(line));
    }

    /// <summary>Appends one already serialised JSON object.</summary>
    public void Append(string jsonLine) => _writer.WriteLine(jsonLine);

    /// <summary>The non-empty lines of a metrics file (none when it does not exist).</summary>
    public static IReadOnlyList<string> ReadLines(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];

    /// <summary>Rewrites a metrics file with only the lines <paramref name="keep"/> accepts (a resumed run drops what followed its checkpoint).</summary>
    public static void KeepLines(string path, Func<string, bool> keep)
    {
        if (File.Exists(path))
            File.WriteAllLines(path, ReadLines(path).Where(keep).ToArray());
    }

    public void Dispose() => _writer.Dispose();
}
