using System.Runtime.InteropServices;

namespace RiptOrleans.Silo.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM for the whole command line. A command that takes a cancellation token (train, quickstart)
/// gets it cancelled and says where it stopped and how to continue; any other command stops at once. Either way the process
/// ends with the conventional code, 128 + the signal's number (130, 143), and a second signal ends it immediately.
/// Run directories stay consistent: checkpoints are swapped atomically and the directory lock dies with the process.
/// </summary>
internal sealed class Interruption : IDisposable
{
    /// <summary>How long a cooperative command may take to stop before the process ends anyway.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly bool _cooperative;
    private int _received;

    /// <param name="command">Name shown in messages.</param>
    /// <param name="cooperative">Whether the command stops by itself when <see cref="Token"/> is cancelled.</param>
    public Interruption(string command, bool cooperative)
    {
        Command = command;
        _cooperative = cooperative;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public string Command { get; }

    /// <summary>Cancelled on the first signal.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>The signal received first, if any.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>128 + the signal number: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int ExitCode(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        _ => 1,
    };

    public static string Name(PosixSignal signal) => signal == PosixSignal.SIGINT ? "SIGINT" : signal == PosixSignal.SIGTERM ? "SIGTERM" : signal.ToString();

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the default would end the process before anything is said
        if (Interlocked.Increment(ref _received) > 1)
            Exit(context.Signal, "stopped at once (second signal)");
        Signal = context.Signal;
        if (!_cooperative)
            Exit(context.Signal, "stopped; what it had written completely is kept (checkpoints are replaced atomically)");
        Console.Error.WriteLine($"{Command}: {Name(context.Signal)} received, stopping (press Ctrl-C again to stop at once)");
        // Own threads, not the pool's: a busy or starved pool (a silo shutting down) must delay neither the deadline nor the
        // cancellation, and a token callback that blocks must not hold up this handler.
        var signal = context.Signal;
        new Thread(() =>
        {
            Thread.Sleep(GracePeriod);
            Exit(signal, $"did not stop within {GracePeriod.TotalSeconds:F0} s; stopped at once");
        }) { IsBackground = true, Name = "interruption deadline" }.Start();
        new Thread(() => _cts.Cancel()) { IsBackground = true, Name = "interruption" }.Start();
    }

    private void Exit(PosixSignal signal, string message)
    {
        Console.Error.WriteLine($"{Command}: {Name(signal)}: {message}");
        Console.Out.Flush();
        Serilog.Log.CloseAndFlush();
        // _exit, not Environment.Exit: the latter runs ProcessExit handlers, and the generic host's console lifetime waits
        // there for Main to return, which is what a command that does not stop is not doing: the process would hang.
        _exit(ExitCode(signal));
    }

    [DllImport("libc", SetLastError = false)]
    private static extern void _exit(int status);

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cts.Dispose();
    }
}
