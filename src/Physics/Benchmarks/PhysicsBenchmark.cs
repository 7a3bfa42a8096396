using System.Diagnostics;
using RiptOrleans.Physics.Mujoco;
using Serilog;

namespace RiptOrleans.Physics.Benchmarks;

/// <summary>Outcome of the physics bench: control steps/s of the C# step path and of the C loop, with what was measured.</summary>
public sealed record PhysicsBenchResult(
    double ControlStepsPerSecond,
    double ReferenceControlStepsPerSecond,
    int Substeps,
    int ControlStepsPerRound,
    int Rounds,
    double Seconds,
    double ReferenceSeconds,
    double Timestep,
    int Nq,
    int Nv,
    int Nu,
    int Contacts,
    string Warnings)
{
    /// <summary>Physics steps (mj_step) per second of the C# path.</summary>
    public double PhysicsStepsPerSecond => ControlStepsPerSecond * Substeps;

    /// <summary>The two paths' rates per round: medians and spreads, and the per-round ratio (C# over C).</summary>
    public RoundStats? ManagedRounds { get; init; }

    public RoundStats? ReferenceRounds { get; init; }

    public RoundStats? RatioRounds { get; init; }

    /// <summary>The per-round ratio by wall clock, which a busy machine spreads out.</summary>
    public RoundStats? WallRatioRounds { get; init; }

    /// <summary>The median of the per-round ratios: each round's two paths run back to back, so a neighbour's load weighs on both alike.</summary>
    public double Ratio => RatioRounds?.Median ?? ControlStepsPerSecond / ReferenceControlStepsPerSecond;
}

/// <summary>
/// `ript bench physics`: the C# env step path (write ctrl, Step(substeps), copy qpos, qvel and the
/// grip site pose into a managed buffer) against rm_bench_step_loop, a bare C loop of mj_step on the
/// same model, in the same run. Both start each round from the home keyframe with the same constant
/// controls, so they simulate the same trajectory; rounds interleave the two paths (alternating which goes first) and
/// the medians over rounds are reported, with the spread. Rates are per second of the thread's CPU time, which other
/// jobs on the machine do not inflate (the wall-clock ratio is reported beside).
/// </summary>
public static class PhysicsBenchmark
{
    private static readonly ILogger Logger = Log.ForContext(typeof(PhysicsBenchmark));

    public static PhysicsBenchResult Run(double secondsPerRound = 0.5, int rounds = 7, string? xml = null)
    {
        using var model = MjModel.FromXml(xml ?? ReferenceScene.Xml, "reference-scene");
        using var data = new MjData(model);
        var substeps = ReferenceScene.Substeps;
        var site = model.SiteId(ReferenceScene.GripSite);
        data.ResetToKeyframe(ReferenceScene.HomeKeyframe);
        var ctrl = data.Ctrl.ToArray();
        var obs = new double[model.Nq + model.Nv + 12];

        // Warm-up (JIT, caches) and calibration: steps per round from the C# path's speed.
        ManagedLoop(data, ctrl, obs, site, 20, substeps);
        var sw = Stopwatch.StartNew();
        var cpuStart = ThreadCpuClock.Seconds();
        var calibration = 0;
        while (CpuSince(cpuStart, sw.Elapsed.TotalSeconds) < Math.Min(0.2, secondsPerRound))
        {
            ManagedLoop(data, ctrl, obs, site, 5, substeps);
            calibration += 5;
        }
        var steps = Math.Max(10, (int)(calibration / CpuSince(cpuStart, sw.Elapsed.TotalSeconds) * secondsPerRound));

        var managedRates = new List<double>();
        var referenceRates = new List<double>();
        var ratios = new List<double>();
        var wallRatios = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            (double Wall, double Cpu) reference = default, managed = default;
            for (var k = 0; k < 2; k++)
            {
                data.ResetToKeyframe(ReferenceScene.HomeKeyframe);
                var cpu0 = ThreadCpuClock.Seconds();
                if ((k == 0) == (r % 2 == 0))
                {
                    var wall = data.BenchStepLoop(steps, substeps);
                    reference = (wall, CpuSince(cpu0, wall));
                }
                else
                {
                    var t0 = Stopwatch.GetTimestamp();
                    ManagedLoop(data, ctrl, obs, site, steps, substeps);
                    var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                    managed = (wall, CpuSince(cpu0, wall));
                }
            }
            managedRates.Add(steps / managed.Cpu);
            referenceRates.Add(steps / reference.Cpu);
            ratios.Add(reference.Cpu / managed.Cpu);
            wallRatios.Add(reference.Wall / managed.Wall);
            Logger.Debug("Round {Round}: C# {Seconds:F3}s, C {Reference:F3}s of CPU for {Steps} control steps", r, managed.Cpu, reference.Cpu, steps);
        }
        var managedStats = RoundStats.Of(managedRates);
        var referenceStats = RoundStats.Of(referenceRates);
        var contacts = data.ContactCount;
        return new PhysicsBenchResult(managedStats.Median, referenceStats.Median, substeps, steps, rounds, steps / managedStats.Median,
            steps / referenceStats.Median, model.Timestep, model.Nq, model.Nv, model.Nu, contacts, data.Warnings.Describe())
        {
            ManagedRounds = managedStats,
            ReferenceRounds = referenceStats,
            RatioRounds = RoundStats.Of(ratios),
            WallRatioRounds = RoundStats.Of(wallRatios),
        };
    }

    /// <summary>Thread CPU seconds since <paramref name="cpu0"/>, or the wall time where the CPU clock is unavailable.</summary>
    private static double CpuSince(double cpu0, double wall)
    {
        var cpu = ThreadCpuClock.Seconds() - cpu0;
        return double.IsNaN(cpu) ? wall : cpu;
    }

    // The per-control-step work of an environment: controls in, one native call, observation out.
    private static void ManagedLoop(MjData data, double[] ctrl, double[] obs, int site, int steps, int substeps)
    {
        for (var i = 0; i < steps; i++)
        {
            ctrl.CopyTo(data.Ctrl);
            data.Step(substeps);
            var o = obs.AsSpan();
            var qpos = data.Qpos;
            var qvel = data.Qvel;
            qpos.CopyTo(o);
            qvel.CopyTo(o[qpos.Length..]);
            data.SiteXpos.Slice(3 * site, 3).CopyTo(o[(qpos.Length + qvel.Length)..]);
            data.SiteXmat.Slice(9 * site, 9).CopyTo(o[(qpos.Length + qvel.Length + 3)..]);
        }
    }
}
