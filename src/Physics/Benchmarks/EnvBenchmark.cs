using System.Diagnostics;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Benchmarks;

/// <summary>A rate measured in several rounds: its median and the spread (lowest and highest round).</summary>
public sealed record RoundStats(double Median, double Min, double Max)
{
    public static RoundStats Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new(median, sorted[0], sorted[^1]);
    }
}

/// <summary>
/// Throughput of full env steps of one suite: with state observations, with two cameras, and bare mj_step on the same
/// models, over interleaved rounds. Rates are per second of the measuring thread's CPU time, which other jobs on the
/// machine do not inflate; the wall-clock figures are kept beside them.
/// </summary>
/// <param name="EnvStepsPerSecond">Control steps per CPU second of ManipulationEnv.Step (controller, substeps, observation, predicate), per round over the sampled tasks.</param>
/// <param name="ImageStepsPerSecond">The same with two camera frames rendered after every step.</param>
/// <param name="BareStepsPerSecond">Control steps per CPU second of rm_bench_replay: a C loop of mj_step replaying the env's own ctrl and mocap inputs, so it runs the same trajectory.</param>
/// <param name="Ratio">Env over bare, round by round: the two paths of a round run back to back.</param>
/// <param name="WallEnvStepsPerSecond">Control steps per wall-clock second of the env path: what a busy machine leaves of it.</param>
/// <param name="WallRatio">Env over bare by wall clock, round by round.</param>
public sealed record SuiteThroughput(string Suite, int Tasks, int Rounds, int StepsPerRound, int ImageSize, RoundStats EnvStepsPerSecond,
    RoundStats ImageStepsPerSecond, RoundStats BareStepsPerSecond, RoundStats Ratio, RoundStats WallEnvStepsPerSecond, RoundStats WallRatio)
{
    /// <summary>DESIGN §6: a full env step reaches ≥ 0.9 of a bare C loop of mj_step.</summary>
    public const double TargetRatio = 0.9;
}

/// <summary>
/// `ript bench physics` per suite: every env step path of a few of a suite's tasks (spread over the suite), timed in
/// interleaved rounds in the same run as the bare loop. In each round every path runs the same number of control steps
/// per task, in an order that alternates between rounds; the median over rounds is reported with the spread.
/// </summary>
public static class EnvBenchmark
{
    /// <summary>Two cameras per robot family for the image figure.</summary>
    private static string[] Cameras(RobotKind robot) =>
        robot == RobotKind.Panda ? [TableArena.AgentviewCamera, Robots.PandaArm.WristCamera] : [MetaWorldArena.CornerCamera, "topview"];

    /// <summary>One sampled task with its env, context, renderer and the bare replay's recorded inputs.</summary>
    private sealed class Case(TaskModel model, TaskContext context, int imageSize) : IDisposable
    {
        public TaskModel Model { get; } = model;
        public TaskContext Context { get; } = context;
        public ManipulationEnv Env { get; } = new(model);
        public Renderer Renderer { get; } = new(model.Model, imageSize, imageSize);
        public int[] Cameras { get; } = EnvBenchmark.Cameras(model.Spec.Robot).Select(model.Model.CameraId).ToArray();
        public MjData Replay { get; } = new(model.Model);
        public (double[] Ctrl, double[] MocapPos, double[] MocapQuat, List<(int Start, int Length)> Episodes) Inputs { get; set; }

        public void Dispose()
        {
            Replay.Dispose();
            Renderer.Dispose();
            Env.Dispose();
        }
    }

    /// <param name="secondsPerPath">Seconds each path runs per round, over all sampled tasks.</param>
    /// <param name="rounds">Interleaved rounds; the median is reported.</param>
    public static SuiteThroughput Run(string suite, double secondsPerPath = 0.5, int rounds = 7, int maxTasks = 4, int imageSize = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var all = TaskRegistry.Suite(suite);
        var count = Math.Min(maxTasks, all.Count);
        // Spread over the suite rather than its first few tasks (suites list their scenes in order).
        var specs = Enumerable.Range(0, count).Select(i => all[i * all.Count / count]).ToList();
        var models = specs.Select(TaskModel.Compile).ToList();
        var cases = new List<Case>();
        try
        {
            foreach (var model in models)
                cases.Add(new Case(model, ContextSampler.Sample(model, ContextSplit.Eval, 0, 1), imageSize));
            // Warm-up (JIT, caches), then steps per task such that the state path takes secondsPerPath of CPU over all tasks.
            foreach (var c in cases)
                RunEnv(c, 20, render: false);
            var calibration = 0;
            var calibrationCpu = 0.0;
            while (calibrationCpu < Math.Min(0.2, secondsPerPath))
            {
                foreach (var c in cases)
                    calibrationCpu += RunEnv(c, 5, render: false).Cpu;
                calibration += 5 * cases.Count;
            }
            var steps = Math.Max(10, (int)(calibration / calibrationCpu * secondsPerPath / cases.Count));
            foreach (var c in cases)
                c.Inputs = RecordInputs(c.Model, c.Context, steps);
            // The image path is slower: it runs fewer steps for the same time, measured once up front.
            var imageCpu = cases.Sum(c => RunEnv(c, 5, render: true).Cpu);
            var imageSteps = Math.Max(5, (int)(5.0 * cases.Count / imageCpu * secondsPerPath / cases.Count));

            var env = new List<double>();
            var bare = new List<double>();
            var image = new List<double>();
            var ratio = new List<double>();
            var wallEnv = new List<double>();
            var wallRatio = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                (double Wall, double Cpu) envTime = default, bareTime = default, imageTime = default;
                // Alternate which path goes first, so neither always runs right after the other's cache traffic.
                var order = r % 2 == 0 ? new[] { 0, 1, 2 } : [1, 0, 2];
                foreach (var path in order)
                    foreach (var c in cases)
                    {
                        switch (path)
                        {
                            case 0: envTime = Add(envTime, RunEnv(c, steps, render: false)); break;
                            case 1: bareTime = Add(bareTime, RunReplay(c)); break;
                            default: imageTime = Add(imageTime, RunEnv(c, imageSteps, render: true)); break;
                        }
                    }
                var total = (double)steps * cases.Count;
                env.Add(total / envTime.Cpu);
                bare.Add(total / bareTime.Cpu);
                image.Add(imageSteps * cases.Count / imageTime.Cpu);
                ratio.Add(env[^1] / bare[^1]);
                wallEnv.Add(total / envTime.Wall);
                wallRatio.Add(bareTime.Wall / envTime.Wall);
            }
            return new SuiteThroughput(suite, cases.Count, rounds, steps, imageSize, RoundStats.Of(env), RoundStats.Of(image), RoundStats.Of(bare),
                RoundStats.Of(ratio), RoundStats.Of(wallEnv), RoundStats.Of(wallRatio));
        }
        finally
        {
            foreach (var c in cases) c.Dispose();
            foreach (var m in models) m.Dispose();
        }
    }

    private static (double Wall, double Cpu) Add((double Wall, double Cpu) a, (double Wall, double Cpu) b) => (a.Wall + b.Wall, a.Cpu + b.Cpu);

    /// <summary>Wall and thread-CPU seconds for <paramref name="steps"/> control steps of ManipulationEnv.Step over the sweep from the context (episodes restart when done), optionally rendering both cameras after each.</summary>
    private static (double Wall, double Cpu) RunEnv(Case c, int steps, bool render)
    {
        var env = c.Env;
        var obs = new float[env.Task.Observation.Size];
        var action = new double[env.ActionDim];
        var frame = new byte[c.Renderer.Width * c.Renderer.Height * 3];
        env.Reset(c.Context, obs);
        var cpu0 = ThreadCpuClock.Seconds();
        var t0 = Stopwatch.GetTimestamp();
        for (var step = 0; step < steps; step++)
        {
            Sweep(step, action);
            if (env.Step(action, obs).Done)
                env.Reset(c.Context, obs);
            if (render)
                foreach (var cam in c.Cameras)
                    c.Renderer.Render(env.Data, cam, frame);
        }
        var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var cpu = ThreadCpuClock.Seconds() - cpu0;
        return (wall, double.IsNaN(cpu) ? wall : cpu);
    }

    /// <summary>Wall and thread-CPU seconds of the bare C mj_step loop replaying the recorded inputs, episode by episode from the context state.</summary>
    private static (double Wall, double Cpu) RunReplay(Case c)
    {
        var data = c.Replay;
        var (ctrl, mocapPos, mocapQuat, episodes) = c.Inputs;
        // Restarts are part of the recording: each episode's first step starts from the context state again, which
        // the C loop cannot do, so it replays episode by episode and sums the loop times (the C loop's own clock for
        // wall time; the thread's CPU clock around it, its few outside instructions included).
        double wall = 0, cpu = 0;
        foreach (var (start, length) in episodes)
        {
            data.SetState(c.Context.State);
            data.Forward();
            var cpu0 = ThreadCpuClock.Seconds();
            wall += data.BenchReplay(Slice(ctrl, start, length, data.Ctrl.Length), Slice(mocapPos, start, length, data.MocapPos.Length),
                Slice(mocapQuat, start, length, data.MocapQuat.Length), length);
            cpu += ThreadCpuClock.Seconds() - cpu0;
        }
        return (wall, double.IsNaN(cpu) ? wall : cpu);
    }

    /// <summary>The bench's action at a control step: a slow sweep keeps the arm moving inside its workspace, the gripper cycles.</summary>
    internal static void Sweep(int step, double[] action)
    {
        action[0] = 0.3 * Math.Sin(step * 0.05);
        action[1] = 0.3 * Math.Cos(step * 0.05);
        action[^1] = step % 40 < 20 ? 1 : -1;
    }

    private static ReadOnlySpan<double> Slice(double[] rows, int start, int length, int width) => rows.AsSpan(start * width, length * width);

    /// <summary>
    /// The physics-step inputs (ctrl, mocap pose) an env applies over the sweep, taken by stepping the task's rig exactly as
    /// ManipulationEnv does (reset from the context, restart when the episode ends); Episodes are (first physics step, count).
    /// </summary>
    internal static (double[] Ctrl, double[] MocapPos, double[] MocapQuat, List<(int Start, int Length)> Episodes) RecordInputs(TaskModel model, TaskContext context, int controlSteps)
    {
        using var data = new MjData(model.Model);
        var rig = model.CreateRig();
        int nu = data.Ctrl.Length, np = data.MocapPos.Length, nq = data.MocapQuat.Length, total = controlSteps * rig.Substeps;
        var ctrl = new double[total * nu];
        var mocapPos = new double[total * np];
        var mocapQuat = new double[total * nq];
        var episodes = new List<(int, int)>();
        var action = new double[rig.ActionDim];
        var physics = 0;
        var episodeStart = 0;
        var episodeSteps = 0;
        void Reset()
        {
            data.SetState(context.State);
            data.ClearWarnings();
            data.Forward();
            rig.Reset(data);
            episodeSteps = 0;
        }
        void Record()
        {
            data.Ctrl.CopyTo(ctrl.AsSpan(physics * nu, nu));
            data.MocapPos.CopyTo(mocapPos.AsSpan(physics * np, np));
            data.MocapQuat.CopyTo(mocapQuat.AsSpan(physics * nq, nq));
            physics++;
        }
        Reset();
        for (var step = 0; step < controlSteps; step++)
        {
            Sweep(step, action);
            rig.SetAction(data, action);
            for (var k = 0; k < rig.Substeps; k++)
            {
                if (rig.ControlsEverySubstep)
                {
                    data.Step1();
                    rig.ApplySubstep(data);
                    Record();
                    data.Step2();
                }
                else
                {
                    Record();
                    data.Step(1);
                }
            }
            episodeSteps++;
            if (data.Diverged || episodeSteps >= model.Spec.Horizon || model.Goal.Holds(data))
            {
                episodes.Add((episodeStart, physics - episodeStart));
                episodeStart = physics;
                Reset();
            }
        }
        if (physics > episodeStart)
            episodes.Add((episodeStart, physics - episodeStart));
        return (ctrl, mocapPos, mocapQuat, episodes);
    }
}
