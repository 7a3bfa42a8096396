using System.CommandLine;
using RiptOrleans.Physics.Benchmarks;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript bench render`: frames/s of one 128x128 camera through the C# Renderer vs a C render loop, single thread.</summary>
internal static class BenchRenderCommand
{
    private static readonly Option<int> SizeOption = new("--size")
    {
        Description = "Frame width and height in pixels.",
        DefaultValueFactory = _ => 128,
    };

    private static readonly Option<string> CameraOption = new("--camera")
    {
        Description = "Camera of the reference scene (agentview or wrist).",
        DefaultValueFactory = _ => ReferenceScene.AgentCamera,
    };

    private static readonly Option<double> SecondsOption = new("--seconds")
    {
        Description = "Seconds per measured round of each path (5 rounds each, alternating; the best of each counts).",
        DefaultValueFactory = _ => 0.4,
    };

    public static Command Create()
    {
        var command = new Command("render", "Frames/s of one camera through the C# Renderer vs rm_bench_render_loop.");
        command.Options.Add(BenchCommand.JsonOption);
        command.Options.Add(SizeOption);
        command.Options.Add(CameraOption);
        command.Options.Add(SecondsOption);
        command.SetAction(parse =>
        {
            var size = parse.GetValue(SizeOption);
            var seconds = parse.GetValue(SecondsOption);
            var camera = parse.GetValue(CameraOption) ?? ReferenceScene.AgentCamera;
            if (size is < 1 or > 4096)
            {
                Console.Error.WriteLine($"bench render: --size must be in [1, 4096], got {size}");
                return 2;
            }
            if (!(seconds > 0))
            {
                Console.Error.WriteLine($"bench render: --seconds must be > 0, got {seconds}");
                return 2;
            }
            try
            {
                var r = RenderBenchmark.Run(size, size, camera, seconds);
                var report = new BenchReport("render", r.FramesPerSecond, r.ReferenceFramesPerSecond, "frames/s",
                    new Dictionary<string, object?>
                    {
                        ["scene"] = "reference-scene",
                        ["camera"] = r.Camera,
                        ["width"] = r.Width,
                        ["height"] = r.Height,
                        ["backend"] = r.Backend,
                        ["threads"] = 1,
                        ["frames_per_round"] = r.FramesPerRound,
                        ["rounds"] = r.Rounds,
                        ["seconds"] = r.Seconds,
                        ["reference_seconds"] = r.ReferenceSeconds,
                    });
                return report.Print(parse.GetValue(BenchCommand.JsonOption));
            }
            catch (MujocoException e)
            {
                Console.Error.WriteLine($"bench render: {e.Message}");
                return e.Code == -4 ? 2 : 1;
            }
        });
        return command;
    }
}
