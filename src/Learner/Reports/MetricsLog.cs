using System.Text.Json;

namespace RiptOrleans.Learner.Reports;

/// <summary>One run's metrics.jsonl: a JSON object per line, appended and flushed as each logging step ends.</summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter _writer;

    public MetricsLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FilePath = path;
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    /// <summary>Where the lines go.</summary>
    public string FilePath { get; }

    /// <summary>Lines written so far, in order.</summary>
    public List<IReadOnlyDictionary<string, object?>> Lines { get; } = new();

    public void Append(IReadOnlyDictionary<string, object?> line)
    {
        Lines.Add(line);
        _writer.WriteLine(JsonSerializer.Serialize(line));
    }

    public void Dispose() => _writer.Dispose();
}
