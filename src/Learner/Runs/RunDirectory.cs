using System.Globalization;
using System.Text.Json;
using RiptOrleans.Learner.Checkpoints;
using Serilog;

namespace RiptOrleans.Learner.Runs;

/// <summary>
/// One process's ownership of a run directory: an OS file lock on RUN/.lock held until disposed (the kernel releases
/// it when the process dies, so a crash never leaves a stale owner), the owner's PID and host in RUN/.owner for the
/// refusal message of a second process, and the rule that a directory holding a run is never started over silently.
/// </summary>
public sealed class RunDirectory : IDisposable
{
    public const string LockFile = ".lock";
    public const string OwnerFile = ".owner";
    public const string PreviousPrefix = ".previous-";

    private static readonly ILogger Logger = Log.ForContext<RunDirectory>();
    private readonly FileStream _lock;
    private int _disposed;

    private RunDirectory(string path, FileStream @lock, string? previous)
    {
        Path = path;
        _lock = @lock;
        Previous = previous;
    }

    /// <summary>The directory (full path).</summary>
    public string Path { get; }

    /// <summary>Where a forced start moved the old run, or null.</summary>
    public string? Previous { get; }

    /// <summary>
    /// Takes ownership of <paramref name="path"/> (created if missing) for <paramref name="command"/>. Throws
    /// <see cref="RunDirectoryException"/> naming the path: another process owns it (its PID and host), it holds a run
    /// and <paramref name="start"/> is Fresh (use resume, or force), it is a file, or it cannot be written.
    /// </summary>
    /// <param name="checkpointName">The run's checkpoint pointer inside the directory, to describe the run it holds.</param>
    /// <param name="wait">How long to retry while another owner holds the lock (a learner moving between silos); zero refuses at once.</param>
    public static RunDirectory Claim(string path, RunStart start, string command, string checkpointName = "checkpoint", TimeSpan wait = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
            throw new RunDirectoryException($"{path} is a file; a run needs a directory there");
        FileStream? handle = null;
        var deadline = DateTime.UtcNow + wait;
        try
        {
            Directory.CreateDirectory(full);
            while (true)
            {
                try
                {
                    // FileShare.None takes flock(LOCK_EX | LOCK_NB) on Linux: one owner across processes, released on death.
                    handle = new FileStream(System.IO.Path.Combine(full, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    break;
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100);
                }
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RunDirectoryException($"{path} is not writable: {e.Message}", e);
        }
        catch (IOException e) when (handle is null && Directory.Exists(full) && File.Exists(System.IO.Path.Combine(full, LockFile)))
        {
            throw new RunDirectoryException($"{path} is in use by {DescribeOwner(full)}; a run directory has one owner at a time", e);
        }
        catch (IOException e)
        {
            throw new RunDirectoryException($"cannot use {path} as a run directory: {e.Message}", e);
        }
        try
        {
            string? previous = null;
            if (start != RunStart.Resume && Describe(full, checkpointName) is { } held)
            {
                if (start == RunStart.Fresh)
                    throw new RunDirectoryException($"{path} holds a run ({held}): use --resume to continue it, or --force to start over, " +
                        $"which moves the old run to {System.IO.Path.Combine(path, PreviousPrefix)}<time>");
                previous = MoveAside(full);
                Logger.Information("Run directory {Path}: the old run ({Held}) moved to {Previous}", path, held, previous);
            }
            var owner = new Owner(Environment.ProcessId, Environment.MachineName, command, DateTimeOffset.UtcNow);
            File.WriteAllText(System.IO.Path.Combine(full, OwnerFile), JsonSerializer.Serialize(owner));
            return new RunDirectory(full, handle, previous);
        }
        catch (UnauthorizedAccessException e)
        {
            handle.Dispose();
            throw new RunDirectoryException($"{path} is not writable: {e.Message}", e);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What the directory holds ("ript step 12, metrics.jsonl of 12 lines", or "3 entries that are not a run's"), or
    /// null when it is empty but for the lock, the owner note and earlier previous runs.
    /// </summary>
    public static string? Describe(string path, string checkpointName = "checkpoint")
    {
        if (!Directory.Exists(path)) return null;
        var entries = new DirectoryInfo(path).EnumerateFileSystemInfos().Count(e => !Bookkeeping(e.Name));
        if (entries == 0) return null;
        var parts = new List<string>();
        try
        {
            if (Checkpoint.LoadLatest(System.IO.Path.Combine(path, checkpointName)) is { } latest)
                parts.Add($"{latest.Checkpoint.State.Stage} step {latest.Checkpoint.State.Step}");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            parts.Add("a damaged checkpoint");
        }
        var metrics = System.IO.Path.Combine(path, "metrics.jsonl");
        if (File.Exists(metrics) && new FileInfo(metrics).Length > 0)
            parts.Add($"metrics.jsonl of {File.ReadLines(metrics).Count(l => l.Length > 0)} lines");
        return parts.Count > 0 ? string.Join(", ", parts) : $"{entries} entries that are not a run's";
    }

    private static bool Bookkeeping(string name) => name is LockFile or OwnerFile || name.StartsWith(PreviousPrefix, StringComparison.Ordinal);

    /// <summary>Moves every entry but the lock, the owner note and earlier previous runs into RUN/.previous-&lt;time&gt;/.</summary>
    private static string MoveAside(string full)
    {
        var previous = System.IO.Path.Combine(full, PreviousPrefix + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(previous);
        foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos())
        {
            if (Bookkeeping(entry.Name)) continue;
            var to = System.IO.Path.Combine(previous, entry.Name);
            if (entry is DirectoryInfo { LinkTarget: null } d) d.MoveTo(to);
            else File.Move(entry.FullName, to);
        }
        return previous;
    }

    private static string DescribeOwner(string full)
    {
        try
        {
            var o = JsonSerializer.Deserialize<Owner>(File.ReadAllText(System.IO.Path.Combine(full, OwnerFile)));
            if (o is not null)
                return $"PID {o.Pid} on host {o.Host} ({o.Command}, since {o.Started.ToLocalTime():yyyy-MM-dd HH:mm:ss})";
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
        }
        return "another process (its owner note is missing)";
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            File.Delete(System.IO.Path.Combine(Path, OwnerFile));
        }
        catch (IOException)
        {
        }
        _lock.Dispose();
    }

    private sealed record Owner(int Pid, string Host, string Command, DateTimeOffset Started);
}
