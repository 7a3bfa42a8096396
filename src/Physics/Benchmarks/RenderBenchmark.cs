using System.Diagnostics;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;
using Serilog;

namespace RiptOrleans.Physics.Benchmarks;

/// <summary>Outcome of the render bench: frames/s of one camera through the C# Renderer and through the C loop.</summary>
public sealed record RenderBenchResult(
    double FramesPerSecond,
    double ReferenceFramesPerSecond,
    int Width,
    int Height,
    string Camera,
    int FramesPerRound,
    int Rounds,
    double Seconds,
    double ReferenceSeconds,
    string Backend)
{
    public double Ratio => FramesPerSecond / ReferenceFramesPerSecond;
}

/// <summary>
/// `ript bench render`: frames/s of one camera through <see cref="Renderer.Render(MjData,int,Span{byte})"/>
/// against rm_bench_render_loop (the same per-frame work in a C loop), single thread, same context;
/// rounds alternate and the best of each counts.
/// </summary>
public static class RenderBenchmark
{
    private static readonly ILogger Logger = Log.ForContext(typeof(RenderBenchmark));

    public static RenderBenchResult Run(int width = 128, int height = 128, string camera = ReferenceScene.AgentCamera,
        double secondsPerRound = 0.4, int rounds = 5, string? xml = null)
    {
        using var model = MjModel.FromXml(xml ?? ReferenceScene.Xml, "reference-scene");
        using var data = new MjData(model);
        data.ResetToKeyframe(ReferenceScene.HomeKeyframe);
        using var renderer = new Renderer(model, width, height);
        var cam = model.CameraId(camera);
        var rgb = new byte[width * height * 3];

        for (var i = 0; i < 10; i++)
            renderer.Render(data, cam, rgb);
        var sw = Stopwatch.StartNew();
        var calibration = 0;
        while (sw.Elapsed.TotalSeconds < 0.2)
        {
            renderer.Render(data, cam, rgb);
            calibration++;
        }
        var frames = Math.Max(10, (int)(calibration / sw.Elapsed.TotalSeconds * secondsPerRound));

        var best = double.MaxValue;
        var bestReference = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var reference = renderer.BenchRenderLoop(data, cam, frames);
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < frames; i++)
                renderer.Render(data, cam, rgb);
            var managed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            best = Math.Min(best, managed);
            bestReference = Math.Min(bestReference, reference);
            Logger.Debug("Round {Round}: C# {Seconds:F3}s, C {Reference:F3}s for {Frames} frames", r, managed, reference, frames);
        }
        return new RenderBenchResult(frames / best, frames / bestReference, width, height, camera, frames, rounds,
            best, bestReference, renderer.Backend);
    }
}
