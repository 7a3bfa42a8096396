using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// deploy/local-cluster driven from C# (`ript bench cluster`, `bench farm`'s kill test, the process-level fault tests):
/// Redis, a learner silo and worker silos as processes of this machine, on free loopback ports, in a scratch directory.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly string _script;
    private readonly int _basePort;

    private LocalCluster(string script, string directory, int redisPort, int basePort) =>
        (_script, Directory, RedisPort, _basePort) = (script, directory, redisPort, basePort);

    /// <summary>The state directory: logs/NAME.log, pids/, redis/.</summary>
    public string Directory { get; }

    public int RedisPort { get; }

    public ClusterAddress Address => new("127.0.0.1", RedisPort, 0);

    /// <summary>The script, found by walking up from the executable to the repository root.</summary>
    public static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "deploy", "local-cluster");
            if (File.Exists(script)) return script;
        }
        return null;
    }

    /// <summary>Starts Redis, the learner silo and <paramref name="workers"/> worker silos of <paramref name="slots"/> slots each; returns once all are ready.</summary>
    /// <param name="learnerFlags">Extra `ript silo` flags of every silo started by this call (e.g. --no-dashboard).</param>
    public static async Task<LocalCluster> StartAsync(string directory, int workers, int slots, params string[] learnerFlags)
    {
        var script = FindScript() ?? throw new InvalidOperationException("deploy/local-cluster not found above " + AppContext.BaseDirectory);
        System.IO.Directory.CreateDirectory(directory);
        // Ports: Redis, then 2 per silo (silo, gateway) from a free base; a few spare for silos added later.
        var redisPort = FreePort();
        var basePort = FreePortRange(2 * (workers + 4));
        var cluster = new LocalCluster(script, Path.GetFullPath(directory), redisPort, basePort);
        var args = new List<string> { "start", "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--slots", slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--listen", "127.0.0.1:0" };
        if (learnerFlags.Length > 0) args.AddRange(["--", .. learnerFlags]);
        try
        {
            await cluster.RunAsync(args.ToArray());
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    public Task StartSiloAsync(string name, params string[] flags) => RunAsync(["start-silo", name, .. flags.Length > 0 ? new[] { "--", }.Concat(flags) : []]);

    public Task StopSiloAsync(string name) => RunAsync("stop-silo", name);

    public Task StopRedisAsync() => RunAsync("redis-stop");

    public Task StartRedisAsync() => RunAsync("redis-start");

    /// <summary>The PID of a running silo (or "redis").</summary>
    public async Task<int> PidAsync(string name) => int.Parse((await RunAsync("pid", name)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends a signal (KILL, STOP, CONT, TERM) to a silo's process; after KILL, returns once the process is gone.</summary>
    public async Task SignalAsync(string name, string signal)
    {
        var pid = await PidAsync(name);
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        if (signal != "KILL") return;
        // kill returns before the process is reaped: a restart right after would still see it alive.
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                if (p.HasExited) return;
            }
            catch (ArgumentException)
            {
                return;
            }
            await Task.Delay(20);
        }
    }

    public string Log(string name) => File.Exists(Path.Combine(Directory, "logs", name + ".log")) ? File.ReadAllText(Path.Combine(Directory, "logs", name + ".log")) : "";

    /// <summary>Runs the script with this cluster's directory; throws with its output when it fails.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(_script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Subcommand (and silo name) first, then the options the script reads for any subcommand.
        var split = args.Length > 1 && args[0] is "start-silo" or "stop-silo" or "pid" ? 2 : 1;
        foreach (var a in args.Take(split)) info.ArgumentList.Add(a);
        info.ArgumentList.Add("--dir");
        info.ArgumentList.Add(Directory);
        if (args[0] == "start")
        {
            info.ArgumentList.Add("--redis-port");
            info.ArgumentList.Add(RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            info.ArgumentList.Add("--base-port");
            info.ArgumentList.Add(_basePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var a in args.Skip(split)) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"deploy/local-cluster {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr}{await stdout}");
        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("stop");
        }
        catch (InvalidOperationException)
        {
            // Best effort: a cluster that failed to start may have nothing to stop.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A base port whose next <paramref name="count"/> ports are free now.</summary>
    private static int FreePortRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = Random.Shared.Next(20000, 60000 - count);
            var listeners = new List<TcpListener>();
            try
            {
                for (var p = start; p < start + count; p++)
                {
                    var l = new TcpListener(IPAddress.Loopback, p);
                    l.Start();
                    listeners.Add(l);
                }
                return start;
            }
            catch (SocketException)
            {
            }
            finally
            {
                foreach (var l in listeners) l.Stop();
            }
        }
        throw new InvalidOperationException($"no {count} consecutive free ports found");
    }
}
