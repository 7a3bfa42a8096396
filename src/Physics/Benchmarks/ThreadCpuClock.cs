using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Benchmarks;

/// <summary>
/// CPU time of the calling thread (clock_gettime with CLOCK_THREAD_CPUTIME_ID, nanosecond resolution): what a benchmark
/// path costs when other jobs share the cores, unlike wall time, which counts the time it waited for one.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Seconds of CPU this thread has used so far; NaN where the clock is unavailable (not Linux).</summary>
    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTimeId, out var t) != 0)
            return double.NaN;
        return t.Seconds + t.Nanoseconds * 1e-9;
    }
}
