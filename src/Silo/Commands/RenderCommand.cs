using System.CommandLine;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>Options of `ript render`.</summary>
internal sealed record RenderOptions(string? Scene, string? Camera, string? Out, int Width, int Height, int? Keyframe, bool Json)
{
    /// <summary>A registered task to render instead of a scene file.</summary>
    public string? Task { get; init; }

    /// <summary>Which evaluation context of the task (0-based).</summary>
    public int Init { get; init; }
}

/// <summary>`ript render`: one camera frame of an MJCF scene file, written as PNG.</summary>
internal static class RenderCommand
{
    private static readonly Option<string> SceneOption = new("--scene") { Description = "MJCF scene file (.xml) to render." };
    private static readonly Option<string> CameraOption = new("--camera") { Description = "Camera name (default: the model's first camera, else the free camera)." };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "PNG file to write." };
    private static readonly Option<int> WidthOption = new("--width") { Description = "Frame width in pixels.", DefaultValueFactory = _ => 128 };
    private static readonly Option<int> HeightOption = new("--height") { Description = "Frame height in pixels.", DefaultValueFactory = _ => 128 };
    private static readonly Option<int?> KeyframeOption = new("--keyframe") { Description = "Keyframe index to reset to before rendering (default: the model's reference pose)." };
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "A registered task (id or unique name) to render at one of its contexts." };
    private static readonly Option<int> InitOption = new("--init") { Description = "Evaluation context index of --task.", DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("render", "Render one camera of a scene to a PNG file.");
        foreach (var o in new Option[] { SceneOption, TaskOption, InitOption, CameraOption, OutOption, WidthOption, HeightOption, KeyframeOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(parse => Run(new RenderOptions(
            parse.GetValue(SceneOption), parse.GetValue(CameraOption), parse.GetValue(OutOption),
            parse.GetValue(WidthOption), parse.GetValue(HeightOption), parse.GetValue(KeyframeOption), parse.GetValue(JsonOption))
        {
            Task = parse.GetValue(TaskOption),
            Init = parse.GetValue(InitOption),
        }));
        return command;
    }

    /// <summary>Validates, renders and writes; 0 ok, 1 failed, 2 bad usage (each message names the bad input).</summary>
    internal static int Run(RenderOptions o)
    {
        if (string.IsNullOrEmpty(o.Out))
            return Usage("--out is required (the PNG file to write)");
        if (OutputPath.File(o.Out, "render --out") is { } outProblem)
        {
            Console.Error.WriteLine($"render: {outProblem}");
            return 1;
        }
        if (!string.IsNullOrEmpty(o.Task))
            return RunTask(o);
        if (string.IsNullOrEmpty(o.Scene))
            return Usage("--scene (an MJCF file) or --task is required");
        if (!File.Exists(o.Scene))
            return Usage($"--scene: file not found: {o.Scene}");
        if (o.Width is < 1 or > 4096)
            return Usage($"--width must be in [1, 4096], got {o.Width}");
        if (o.Height is < 1 or > 4096)
            return Usage($"--height must be in [1, 4096], got {o.Height}");
        var outDir = Path.GetDirectoryName(Path.GetFullPath(o.Out));
        if (outDir is not null && !Directory.Exists(outDir))
            return Usage($"--out: directory does not exist: {outDir}");

        try
        {
            using var model = MjModel.FromFile(o.Scene);
            int cam;
            string cameraName;
            if (o.Camera is { Length: > 0 } name)
            {
                if (!model.TryCameraId(name, out cam))
                {
                    var names = model.Names(MjObject.Camera);
                    return Usage($"--camera: no camera named '{name}' in {o.Scene}; cameras: {(names.Count == 0 ? "none" : string.Join(", ", names))}");
                }
                cameraName = name;
            }
            else
            {
                cam = model.NCam > 0 ? 0 : -1;
                cameraName = cam >= 0 ? model.CameraName(0) : "free";
            }
            using var data = new MjData(model);
            if (o.Keyframe is { } key)
            {
                if (key < 0 || key >= model.NKey)
                    return Usage($"--keyframe must be in [0, {model.NKey}) for {o.Scene}, got {key}");
                data.ResetToKeyframe(key);
            }
            using var renderer = new Renderer(model, o.Width, o.Height);
            var rgb = new byte[o.Width * o.Height * 3];
            renderer.Render(data, cam, rgb);
            Png.Write(o.Out, rgb, o.Width, o.Height);
            var path = Path.GetFullPath(o.Out);
            if (o.Json)
                JsonOutput.Print(new Dictionary<string, object?>
                {
                    ["path"] = path, ["scene"] = o.Scene, ["camera"] = cameraName, ["width"] = o.Width, ["height"] = o.Height,
                });
            else
                Console.Out.WriteLine($"wrote {path} ({o.Width}x{o.Height}, camera {cameraName})");
            return 0;
        }
        catch (MujocoException e)
        {
            Console.Error.WriteLine($"render: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"render: cannot write {o.Out}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Renders a task at one of its evaluation contexts; "wrist" names the robot's hand camera.</summary>
    private static int RunTask(RenderOptions o)
    {
        var (tasks, error) = TaskSelection.Resolve(o.Task, null);
        if (error is not null)
            return Usage(error);
        var spec = tasks[0];
        if (o.Init is < 0 or >= ContextSet.EvalCount)
            return Usage($"--init must be in [0, {ContextSet.EvalCount}), got {o.Init}");
        if (o.Width is < 1 or > 4096 || o.Height is < 1 or > 4096)
            return Usage($"--width and --height must be in [1, 4096], got {o.Width}x{o.Height}");
        using var task = TaskModel.Compile(spec);
        var camera = o.Camera switch
        {
            null or "" => spec.Robot == RobotKind.Panda ? TableArena.AgentviewCamera : MetaWorldArena.CornerCamera,
            "wrist" when spec.Robot == RobotKind.Panda => PandaArm.WristCamera,
            _ => o.Camera,
        };
        if (!task.Model.TryCameraId(camera, out var cam))
            return Usage($"--camera: task {spec.Id} has no camera '{camera}'; cameras: {string.Join(", ", task.Model.Names(MjObject.Camera))}");
        var context = ContextSet.Create(task, ContextSplit.Eval, o.Init + 1)[o.Init];
        using var data = new MjData(task.Model);
        data.SetState(context.State);
        data.Forward();
        using var renderer = new Renderer(task.Model, o.Width, o.Height);
        var rgb = new byte[o.Width * o.Height * 3];
        renderer.Render(data, cam, rgb);
        Png.Write(o.Out!, rgb, o.Width, o.Height);
        var path = Path.GetFullPath(o.Out!);
        if (o.Json)
            JsonOutput.Print(new Dictionary<string, object?>
            {
                ["path"] = path, ["task"] = spec.Id, ["context"] = context.Id, ["instruction"] = spec.Instruction, ["camera"] = camera,
                ["width"] = o.Width, ["height"] = o.Height,
            });
        else
            Console.Out.WriteLine($"wrote {path} ({o.Width}x{o.Height}, camera {camera}): {spec.Id} at {context.Id}: \"{spec.Instruction}\"");
        return 0;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"render: {message}");
        return 2;
    }
}
