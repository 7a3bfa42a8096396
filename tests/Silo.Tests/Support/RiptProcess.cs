using System.Diagnostics;
using System.Text;

namespace RiptOrleans.Silo.Tests.Support;

/// <summary>`ript` as a real child process (signals, exit codes and locks are process-level behaviour), its output captured.</summary>
internal sealed class RiptProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public RiptProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RiptOrleans.Silo.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["MUJOCO_GL"] = Environment.GetEnvironmentVariable("MUJOCO_GL") ?? "osmesa";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        DefaultSigint();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Sends a POSIX signal by name (INT, TERM) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, _process.Id.ToString()])!;
        kill.WaitForExit();
    }

    /// <summary>Waits until <paramref name="condition"/> holds; false after <paramref name="timeout"/> or when the process ended first.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            if (_process.HasExited) return condition();
            Thread.Sleep(200);
        }
        return false;
    }

    /// <summary>The exit code, or null when the process did not end within <paramref name="timeout"/> (it is then killed).</summary>
    public int? Exit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    /// <summary>
    /// A test run started in the background by a non-interactive shell (nohup, CI runners) inherits SIGINT ignored, and a
    /// child's runtime then keeps ignoring it, as a backgrounded program should. Children started here must get SIGINT like a
    /// terminal program does, so an inherited "ignore" is set back to the default before they start (only then: a handler the
    /// runtime installed is left alone).
    /// </summary>
    private static void DefaultSigint()
    {
        const int SigInt = 2;
        var old = new byte[256]; // struct sigaction (152 bytes on x86_64 and arm64 glibc), with room to spare
        if (sigaction(SigInt, null, old) != 0 || BitConverter.ToInt64(old, 0) != 1 /* SIG_IGN */) return;
        sigaction(SigInt, new byte[256] /* SIG_DFL, empty mask, no flags */, null);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int sigaction(int signum, byte[]? act, byte[]? oldact);
}
