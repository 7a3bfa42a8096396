using System.Globalization;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// CPU seconds (user + system) a process of this machine has used so far, read from /proc/PID/stat: what a benchmark
/// measures beside wall time, since the CPU a process burns per unit of work does not depend on other jobs' load.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc's times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <returns>The seconds, or null where /proc is not there (not Linux) or the process is gone.</returns>
    public static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces, in parentheses): state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The 1-minute load average (/proc/loadavg), or null off Linux.</summary>
    public static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
