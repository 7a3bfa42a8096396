using System.Diagnostics;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Benchmarks;

/// <summary>Throughput of full env steps of one suite: with state observations, with two cameras, and bare mj_step on the same models.</summary>
/// <param name="EnvStepsPerSecond">Control steps/s of ManipulationEnv.Step (controller, substeps, observation, predicate).</param>
/// <param name="ImageStepsPerSecond">The same with two 128x128 camera frames rendered after every step.</param>
/// <param name="BareStepsPerSecond">Control steps/s of rm_bench_replay: a C loop of mj_step replaying the env's own ctrl and mocap inputs, so it runs the same trajectory.</param>
public sealed record SuiteThroughput(string Suite, int Tasks, double EnvStepsPerSecond, double ImageStepsPerSecond, double BareStepsPerSecond)
{
    /// <summary>DESIGN §6: a full env step reaches ≥ 0.9 of a bare C loop of mj_step.</summary>
    public double Ratio => EnvStepsPerSecond / BareStepsPerSecond;
}

/// <summary>`ript bench physics` per suite: every env step path of a suite's tasks, timed in the same run as the bare loop.</summary>
public static class EnvBenchmark
{
    /// <summary>Two cameras per robot family for the image figure.</summary>
    private static string[] Cameras(RobotKind robot) =>
        robot == RobotKind.Panda ? [TableArena.AgentviewCamera, Robots.PandaArm.WristCamera] : [MetaWorldArena.CornerCamera, "topview"];

    public static SuiteThroughput Run(string suite, double secondsPerPath = 0.3, int maxTasks = 4, int imageSize = 128)
    {
        var specs = TaskRegistry.Suite(suite).Take(maxTasks).ToList();
        var models = specs.Select(TaskModel.Compile).ToList();
        try
        {
            double env = 0, images = 0, bare = 0;
            foreach (var model in models)
            {
                var context = ContextSampler.Sample(model, ContextSplit.Eval, 0, 1);
                using var e = new ManipulationEnv(model);
                var (rate, steps) = Measure(e, context, null, secondsPerPath / models.Count);
                env += rate;
                using (var renderer = new Renderer(model.Model, imageSize, imageSize))
                    images += Measure(e, context, (renderer, Cameras(model.Spec.Robot)), secondsPerPath / models.Count).StepsPerSecond;
                bare += MeasureReplay(model, context, steps);
            }
            // Mean rate over tasks (each weighted equally).
            return new SuiteThroughput(suite, models.Count, env / models.Count, images / models.Count, bare / models.Count);
        }
        finally
        {
            foreach (var m in models) m.Dispose();
        }
    }

    /// <summary>The bench's action at a control step: a slow sweep keeps the arm moving inside its workspace, the gripper cycles.</summary>
    internal static void Sweep(int step, double[] action)
    {
        action[0] = 0.3 * Math.Sin(step * 0.05);
        action[1] = 0.3 * Math.Cos(step * 0.05);
        action[^1] = step % 40 < 20 ? 1 : -1;
    }

    /// <summary>Control steps/s of ManipulationEnv.Step over the sweep (episodes restart when done), and the steps taken.</summary>
    private static (double StepsPerSecond, int Steps) Measure(ManipulationEnv env, TaskContext context, (Renderer Renderer, string[] Cameras)? render, double seconds)
    {
        var obs = new float[env.Task.Observation.Size];
        var action = new double[env.ActionDim];
        var frame = render is null ? [] : new byte[render.Value.Renderer.Width * render.Value.Renderer.Height * 3];
        var cameras = render?.Cameras.Select(env.Task.Model.CameraId).ToArray() ?? [];
        env.Reset(context, obs);
        var steps = 0;
        var sw = Stopwatch.StartNew();
        do
        {
            for (var k = 0; k < 10; k++, steps++)
            {
                Sweep(steps, action);
                if (env.Step(action, obs).Done)
                    env.Reset(context, obs);
                foreach (var cam in cameras)
                    render!.Value.Renderer.Render(env.Data, cam, frame);
            }
        } while (sw.Elapsed.TotalSeconds < seconds || steps < 50);
        return (steps / sw.Elapsed.TotalSeconds, steps);
    }

    /// <summary>Control steps/s of a bare C mj_step loop replaying the inputs the env applied over its first <paramref name="controlSteps"/> sweep steps.</summary>
    private static double MeasureReplay(TaskModel model, TaskContext context, int controlSteps)
    {
        var inputs = RecordInputs(model, context, controlSteps);
        using var data = new MjData(model.Model);
        // Restarts are part of the recording: each episode's first step starts from the context state again, which
        // the replay cannot do inside the C loop, so it replays episode by episode and sums the loop times.
        var seconds = 0.0;
        foreach (var (start, length) in inputs.Episodes)
        {
            data.SetState(context.State);
            data.Forward();
            seconds += data.BenchReplay(Slice(inputs.Ctrl, start, length, data.Ctrl.Length), Slice(inputs.MocapPos, start, length, data.MocapPos.Length),
                Slice(inputs.MocapQuat, start, length, data.MocapQuat.Length), length);
        }
        return controlSteps / seconds;
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
