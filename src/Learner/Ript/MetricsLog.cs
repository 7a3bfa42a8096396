namespace RiptOrleans.Learner.Ript;

/// <summary>metrics.jsonl of a run: one JSON object per line, flushed as written, so a crash loses at most the line in progress.</summary>
public sealed class MetricsLog(string path)
{
    public string Path { get; } = path;

    public void Append(string jsonLine)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(jsonLine);
    }

    /// <summary>Keeps only the lines of iterations before <paramref name="iteration"/> (a resumed run rewrites what follows its checkpoint).</summary>
    public void TruncateFrom(int iteration)
    {
        if (!File.Exists(Path)) return;
        var keep = File.ReadAllLines(Path).Where(l => l.Length > 0 && RiptMetricsLine.Parse(l).Iteration < iteration).ToArray();
        File.WriteAllLines(Path, keep);
    }

    public IReadOnlyList<RiptMetricsLine> Read() =>
        File.Exists(Path) ? File.ReadAllLines(Path).Where(l => l.Length > 0).Select(RiptMetricsLine.Parse).ToList() : [];
}
