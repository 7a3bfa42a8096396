namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// The mark a finished pipeline step leaves in its directory: the key of what it produced (task, family, seed, counts,
/// budgets). A step whose directory holds the same key is reused; anything else there is a half-done step, redone.
/// </summary>
public static class StepMarker
{
    private const string FileName = ".complete";

    public static bool Has(string directory, string key)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) && File.ReadAllText(path) == key;
    }

    /// <summary>Empties <paramref name="directory"/> for a fresh step (a half-done or differently keyed one is discarded).</summary>
    public static void Clear(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
    }

    public static void Set(string directory, string key) => File.WriteAllText(Path.Combine(directory, FileName), key);
}
