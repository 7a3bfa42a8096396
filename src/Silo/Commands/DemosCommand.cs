using System.CommandLine;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>One demo file written by `ript demos`.</summary>
internal sealed record DemoFileSummary(string Task, string Path, int Episodes, int Steps);

/// <summary>`ript demos`: scripted-expert demonstrations from training contexts, one safetensors file per task.</summary>
internal static class DemosCommand
{
    private static readonly Option<string> SuiteOption = new("--suite", "-s") { Description = "Every task of this suite." };
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "One task (id or unique name)." };
    private static readonly Option<int> EpisodesOption = new("--episodes", "-n") { Description = "Successful demonstrations per task.", DefaultValueFactory = _ => 50 };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "Directory for the demo files (<task name>.safetensors)." };
    private static readonly Option<double?> NoiseOption = new("--noise")
    {
        Description = "Std of Gaussian noise on the expert's actions (default: the suite's demo noise, LIBERO-style 0.05, MetaWorld 0.2).",
    };
    private static readonly Option<bool> ImagesOption = new("--images") { Description = "Also record camera frames at every step." };
    private static readonly Option<int> ImageSizeOption = new("--image-size") { Description = "Frame width and height.", DefaultValueFactory = _ => 128 };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("demos", "Record scripted-expert demonstrations (safetensors, DESIGN §5).");
        foreach (var o in new Option[] { SuiteOption, TaskOption, EpisodesOption, OutOption, NoiseOption, ImagesOption, ImageSizeOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(parse => Run(parse.GetValue(SuiteOption), parse.GetValue(TaskOption), parse.GetValue(EpisodesOption), parse.GetValue(OutOption),
            parse.GetValue(NoiseOption), parse.GetValue(ImagesOption), parse.GetValue(ImageSizeOption), parse.GetValue(JsonOption)));
        return command;
    }

    internal static int Run(string? suite, string? task, int episodes, string? outDir, double? noise, bool images, int imageSize, bool json)
    {
        if (episodes < 1)
            return CommandExit.Usage("demos", $"--episodes must be ≥ 1, got {episodes}");
        if (string.IsNullOrEmpty(outDir))
            return CommandExit.Usage("demos", "--out is required (a directory)");
        if (noise is < 0 or > 1)
            return CommandExit.Usage("demos", $"--noise must be in [0, 1], got {noise}");
        if (imageSize is < 16 or > 512)
            return CommandExit.Usage("demos", $"--image-size must be in [16, 512], got {imageSize}");
        var (tasks, error) = TaskSelection.Resolve(task, suite);
        if (error is not null)
            return CommandExit.Usage("demos", error);
        if (tasks.FirstOrDefault(t => t.Expert is null) is { } noExpert)
            return CommandExit.Failed("demos", $"task {noExpert.Id} has no scripted expert yet");
        if (OutputPath.Directory(outDir, "demos --out") is { } outProblem)
            return CommandExit.Failed("demos", outProblem);
        var written = new List<DemoFileSummary>();
        DemoGenerator.Options Options(Physics.Tasks.TaskSpec spec) => new(episodes, noise ?? DemoGenerator.DemoNoise(spec.Robot), images, imageSize);
        try
        {
            ProgressBar.Run("demonstrations", tasks.Count * episodes, tick =>
            {
                foreach (var spec in tasks)
                {
                    var demos = DemoGenerator.Generate(spec, Options(spec), _ => tick());
                    var path = Path.Combine(outDir, $"{spec.Name}.safetensors");
                    demos.Save(path);
                    written.Add(new DemoFileSummary(spec.Id, Path.GetFullPath(path), demos.Episodes.Count, demos.Episodes.Sum(e => e.Steps)));
                }
                return 0;
            });
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return CommandExit.Failed("demos", e.Message);
        }
        if (json)
            JsonOutput.Print(new { Files = written });
        else
            foreach (var w in written)
                Console.Out.WriteLine($"wrote {w.Path}: {w.Episodes} episodes, {w.Steps} steps ({w.Task})");
        return CommandExit.Ok;
    }
}
