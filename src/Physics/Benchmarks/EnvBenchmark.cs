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
/// <param name="BareStepsPerSecond">Control steps/s of rm_bench_step_loop (a C loop of mj_step) on the same models and states.</param>
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
                env += Measure(e, context, null, secondsPerPath / models.Count);
                using (var renderer = new Renderer(model.Model, imageSize, imageSize))
                    images += Measure(e, context, (renderer, Cameras(model.Spec.Robot)), secondsPerPath / models.Count);
                // The bare loop holds the controller's first torques, so the arm stays up as it does under control.
                var obs = new float[model.Observation.Size];
                e.Reset(context, obs);
                e.Step(new double[e.ActionDim], obs);
                bare += MeasureBare(model, context, e.Data.Ctrl.ToArray(), e.Rig.Substeps, secondsPerPath / models.Count);
            }
            // Mean rate over tasks (each weighted equally).
            return new SuiteThroughput(suite, models.Count, env / models.Count, images / models.Count, bare / models.Count);
        }
        finally
        {
            foreach (var m in models) m.Dispose();
        }
    }

    private static double Measure(ManipulationEnv env, TaskContext context, (Renderer Renderer, string[] Cameras)? render, double seconds)
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
                // A slow sweep keeps the arm moving inside its workspace; episodes restart at the horizon.
                action[0] = 0.3 * Math.Sin(steps * 0.05);
                action[1] = 0.3 * Math.Cos(steps * 0.05);
                action[^1] = steps % 40 < 20 ? 1 : -1;
                if (env.Step(action, obs).Done)
                    env.Reset(context, obs);
                foreach (var cam in cameras)
                    render!.Value.Renderer.Render(env.Data, cam, frame);
            }
        } while (sw.Elapsed.TotalSeconds < seconds || steps < 50);
        return steps / sw.Elapsed.TotalSeconds;
    }

    private static double MeasureBare(TaskModel model, TaskContext context, double[] ctrl, int substeps, double seconds)
    {
        using var data = new MjData(model.Model);
        data.SetState(context.State);
        ctrl.CopyTo(data.Ctrl);
        var probe = Math.Max(1e-4, data.BenchStepLoop(20, substeps));
        var n = Math.Max(50, (int)(20 / probe * seconds));
        data.SetState(context.State);
        ctrl.CopyTo(data.Ctrl);
        return n / data.BenchStepLoop(n, substeps);
    }
}
