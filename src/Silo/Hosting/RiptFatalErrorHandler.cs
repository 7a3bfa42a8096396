using Serilog;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// What a silo does on an Orleans fatal error, above all "declared dead by the cluster" (it was frozen or cut off for
/// longer than the failure-detection window, and its groups were reissued elsewhere): say so plainly and exit with
/// <see cref="ExitCode"/>, so a supervisor (systemd, Kubernetes, deploy/local-cluster) can start it again to rejoin.
/// </summary>
public sealed class RiptFatalErrorHandler : IFatalErrorHandler
{
    private static readonly ILogger Logger = Log.ForContext<RiptFatalErrorHandler>();

    /// <summary>The process's exit code after a fatal error (a silo declared dead, or refused by its cluster).</summary>
    public const int ExitCode = 3;

    private int _exiting;

    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender, string? context, Exception? exception)
    {
        if (Interlocked.Exchange(ref _exiting, 1) != 0) return;
        var dead = context?.Contains("dead", StringComparison.OrdinalIgnoreCase) == true;
        var message = dead
            ? $"ript silo: this silo was declared dead by the cluster (it did not answer probes within {RiptSilo.FailureDetectionWindow.TotalSeconds:F0} s: frozen, overloaded or cut off); its groups went to other silos. It stops now; start it again to rejoin."
            : $"ript silo: fatal error: {context} {exception?.Message}";
        Logger.Error(exception, "Fatal: {Context}", context);
        Console.Error.WriteLine(message);
        Console.Error.Flush();
        // Exit off the runtime's thread; if the host's shutdown hangs (it may wait on a cluster that voted us out), cut it short.
        new Thread(() => Environment.Exit(ExitCode)) { IsBackground = true }.Start();
        new Thread(() =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(10));
            Environment.FailFast(message, exception);
        }) { IsBackground = true }.Start();
    }
}
