using System.Text;
using System.Text.Json;
using Serilog;

namespace RiptOrleans.Learner.Reports;

/// <summary>One run's metrics.jsonl: a JSON object per line, flushed as each line is written, so a crash loses at most the line in progress.</summary>
public sealed class MetricsLog : IDisposable
{
    private static readonly ILogger Logger = Log.ForContext<MetricsLog>();
    private readonly StreamWriter _writer;

    /// <param name="append">Continue an existing file (a resumed run) instead of starting it afresh; a partial last line (a crash mid-write) is dropped first.</param>
    public MetricsLog(string path, bool append = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FilePath = path;
        if (append) DropPartialLine(path);
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

    /// <summary>The complete non-empty lines of a metrics file (none when it does not exist); a partial last line is left out with a warning.</summary>
    public static IReadOnlyList<string> ReadLines(string path)
    {
        if (!File.Exists(path)) return [];
        var text = File.ReadAllText(path);
        var lines = text.Split('\n').ToList();
        // Every complete line ends with '\n', so the last piece is empty unless a write was cut short.
        var last = lines[^1];
        lines.RemoveAt(lines.Count - 1);
        if (last.Length > 0)
            Logger.Warning("{Path}: dropping a partial last line ({Bytes} bytes, written when the run stopped mid-line)", path, Encoding.UTF8.GetByteCount(last));
        return lines.Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
    }

    /// <summary>Rewrites a metrics file atomically with only the complete lines <paramref name="keep"/> accepts (a resumed run drops what followed its checkpoint).</summary>
    public static void KeepLines(string path, Func<string, bool> keep)
    {
        if (!File.Exists(path)) return;
        var tmp = $"{path}.tmp-{Guid.NewGuid():N}";
        File.WriteAllLines(tmp, ReadLines(path).Where(keep));
        File.Move(tmp, path, overwrite: true);
    }

    private static void DropPartialLine(string path)
    {
        if (!File.Exists(path)) return;
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var length = f.Length;
        var end = length;
        var one = new byte[1];
        while (end > 0)
        {
            f.Position = end - 1;
            f.ReadExactly(one);
            if (one[0] == (byte)'\n') break;
            end--;
        }
        if (end == length) return;
        Logger.Warning("{Path}: dropping a partial last line ({Bytes} bytes, written when the run stopped mid-line)", path, length - end);
        f.SetLength(end);
    }

    public void Dispose() => _writer.Dispose();
}
