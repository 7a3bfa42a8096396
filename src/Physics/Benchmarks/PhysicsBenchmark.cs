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

    public double Ratio => ControlStepsPerSecond / ReferenceControlStepsPerSecond;
}

/// <summary>
/// `ript bench physics`: the C# env step path (write ctrl, Step(substeps), copy qpos, qvel and the
/// grip site pose into a managed buffer) against rm_bench_step_loop, a bare C loop of mj_step on the
/// same model, in the same run. Both start each round from the home keyframe with the same constant
/// controls, so they simulate the same trajectory; rounds alternate and the best round of each counts.
/// </summary>
public static class PhysicsBenchmark
{
    private static readonly ILogger Logger = Log.ForContext(typeof(PhysicsBenchmark));

    public static PhysicsBenchResult Run(double secondsPerRound = 0.4, int rounds = 5, string? xml = null)
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
        var calibration = 0;
        while (sw.Elapsed.TotalSeconds < 0.2)
        {
            ManagedLoop(data, ctrl, obs, site, 5, substeps);
            calibration += 5;
        }
        var steps = Math.Max(10, (int)(calibration / sw.Elapsed.TotalSeconds * secondsPerRound));

        var best = double.MaxValue;
        var bestReference = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            data.ResetToKeyframe(ReferenceScene.HomeKeyframe);
            var reference = data.BenchStepLoop(steps, substeps);

            data.ResetToKeyframe(ReferenceScene.HomeKeyframe);
            var t0 = Stopwatch.GetTimestamp();
            ManagedLoop(data, ctrl, obs, site, steps, substeps);
            var managed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            best = Math.Min(best, managed);
            bestReference = Math.Min(bestReference, reference);
            Logger.Debug("Round {Round}: C# {Seconds:F3}s, C {Reference:F3}s for {Steps} control steps", r, managed, reference, steps);
        }
        var contacts = data.ContactCount;
        return new PhysicsBenchResult(steps / best, steps / bestReference, substeps, steps, rounds, best, bestReference,
            model.Timestep, model.Nq, model.Nv, model.Nu, contacts, data.Warnings.Describe());
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
