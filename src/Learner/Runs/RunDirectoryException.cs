namespace RiptOrleans.Learner.Runs;

/// <summary>A run directory that cannot be used as asked: owned by another process, holding a run, or not writable. The message says what to do.</summary>
public sealed class RunDirectoryException(string message, Exception? inner = null) : IOException(message, inner);
