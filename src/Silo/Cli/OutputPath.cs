namespace RiptOrleans.Silo.Cli;

/// <summary>
/// Checks an output path before a command does its work, so that a bad path fails in a second with one line naming it
/// and the cause, not with a stack trace after an hour of training.
/// </summary>
internal static class OutputPath
{
    /// <summary>A directory the command will write into (created when missing); null when usable, else the problem.</summary>
    public static string? Directory(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{what}: no directory given";
        var full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full)) return $"{path} is a file; {what} needs a directory there";
        try
        {
            System.IO.Directory.CreateDirectory(full);
            // Creating the directory can succeed where writing into it cannot (an existing read-only directory).
            var probe = Path.Combine(full, $".ript-write-check-{Environment.ProcessId}");
            System.IO.File.WriteAllBytes(probe, []);
            System.IO.File.Delete(probe);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"{path}: cannot write there (permission denied); {what} needs a writable directory";
        }
        catch (IOException e)
        {
            return $"{path}: cannot write there ({e.Message}); {what} needs a writable directory";
        }
    }

    /// <summary>A file the command will write (its directory is created when missing); null when usable, else the problem.</summary>
    public static string? File(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{what}: no file given";
        var full = Path.GetFullPath(path);
        if (System.IO.Directory.Exists(full)) return $"{path} is a directory; {what} needs a file name (e.g. {Path.Combine(path, "out.png")})";
        var parent = Path.GetDirectoryName(full) ?? full;
        if (Directory(parent, what) is { } problem) return problem;
        if (System.IO.File.Exists(full))
        {
            try
            {
                using var _ = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return $"{path}: cannot overwrite it ({(e is UnauthorizedAccessException ? "permission denied" : e.Message)})";
            }
        }
        return null;
    }
}
