using System.CommandLine;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Silo.Cli;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript eval`: success rate of a checkpoint's policy per task over the evaluation contexts, greedy actions.</summary>
internal static class EvalCommand
{
    private static readonly Option<string> CheckpointOption = new("--checkpoint", "-c") { Description = "Checkpoint directory (weights.safetensors, config.json, state.json)." };
    private static readonly Option<string> SuiteOption = new("--suite", "-s") { Description = "Every task of this suite (default: the tasks the checkpoint was trained on)." };
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "One task (id or unique name)." };
    private static readonly Option<int> InitsOption = new("--inits") { Description = "Evaluation contexts per task.", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> ThreadsOption = new("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
    private static readonly Option<string> VideoOption = new("--video") { Description = "Directory for PNG strips of the first episodes of each task." };
    private static readonly Option<int> VideoEpisodesOption = new("--video-episodes") { Description = "Episodes per task filmed with --video.", DefaultValueFactory = _ => 2 };
    private static readonly Option<bool> SampleOption = new("--sample") { Description = "Sample actions (the rollout policy) instead of greedy/mean." };
    private static readonly Option<double?> TemperatureOption = new("--temperature") { Description = "With --sample: token temperature or Laplace scale multiplier (default: the checkpoint's)." };
    private static readonly Option<int?> TopKOption = new("--top-k") { Description = "With --sample: tokens from the k most likely only (0 = full softmax; default: the checkpoint's)." };
    private static readonly Option<string> DemoContextsOption = new("--demo-contexts")
    {
        Description = "Start episodes from the initial states of the demo files in this directory (RIPT's training contexts, cycled through for --inits episodes) instead of the held-out contexts.",
    };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object (DESIGN §4) as the last line." };

    public static Command Create()
    {
        var command = new Command("eval", "Success rate of a checkpoint per task on the evaluation contexts.");
        foreach (var o in new Option[] { CheckpointOption, SuiteOption, TaskOption, InitsOption, ThreadsOption, VideoOption, VideoEpisodesOption, SampleOption, TemperatureOption, TopKOption, DemoContextsOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(parse => Run(parse.GetValue(CheckpointOption), parse.GetValue(SuiteOption), parse.GetValue(TaskOption), parse.GetValue(InitsOption),
            parse.GetValue(ThreadsOption), parse.GetValue(VideoOption), parse.GetValue(VideoEpisodesOption), parse.GetValue(SampleOption), parse.GetValue(JsonOption),
            parse.GetValue(TemperatureOption), parse.GetValue(TopKOption), parse.GetValue(DemoContextsOption)));
        return command;
    }

    internal static int Run(string? checkpoint, string? suite, string? task, int inits, int threads, string? video, int videoEpisodes, bool sample, bool json,
        double? temperature = null, int? topK = null, string? demoContexts = null)
    {
        if (string.IsNullOrEmpty(checkpoint))
            return CommandExit.Usage("eval", "--checkpoint is required (a checkpoint directory)");
        if (inits is < 1 or > 50)
            return CommandExit.Usage("eval", $"--inits must be in [1, 50], got {inits}");
        if (threads < 1)
            return CommandExit.Usage("eval", $"--threads must be ≥ 1, got {threads}");
        if (videoEpisodes < 0)
            return CommandExit.Usage("eval", $"--video-episodes must be ≥ 0, got {videoEpisodes}");
        if ((temperature is not null || topK is not null) && !sample)
            return CommandExit.Usage("eval", "--temperature and --top-k shape sampled actions: add --sample");
        if (temperature is <= 0)
            return CommandExit.Usage("eval", $"--temperature must be > 0, got {temperature}");
        if (topK is < 0)
            return CommandExit.Usage("eval", $"--top-k must be ≥ 0 (0 = full softmax), got {topK}");
        if (demoContexts is not null && !Directory.Exists(demoContexts))
            return CommandExit.Failed("eval", $"--demo-contexts {demoContexts}: no such directory");
        if (!string.IsNullOrEmpty(video) && OutputPath.Directory(video, "eval --video") is { } videoProblem)
            return CommandExit.Failed("eval", videoProblem);
        Checkpoint loaded;
        try
        {
            loaded = Checkpoint.Load(checkpoint);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return CommandExit.Failed("eval", e.Message);
        }
        if (string.IsNullOrEmpty(suite) && string.IsNullOrEmpty(task))
        {
            suite = loaded.Training?["suite"]?.GetValue<string>();
            task = loaded.Training?["task"]?.GetValue<string>();
        }
        var (tasks, error) = TaskSelection.Resolve(task, suite);
        if (error is not null)
            return CommandExit.Usage("eval", error);
        var config = loaded.Policy with
        {
            Temperature = temperature ?? loaded.Policy.Temperature,
            TopK = topK ?? loaded.Policy.TopK,
        };
        IReadOnlyList<TaskScore> scores;
        try
        {
            using var policy = PolicyFactory.FromWeights(loaded.Weights, config);
            policy.Train(false);
            var options = new EvaluationOptions(inits, threads, video, videoEpisodes, sample ? ActMode.Sample : ActMode.Greedy, DemoDirectory: demoContexts);
            scores = ProgressBar.Run("eval episodes", tasks.Count * inits, tick => PolicyEvaluation.Run(policy, tasks, options, tick));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return CommandExit.Failed("eval", e.Message);
        }
        var mean = scores.Average(s => s.SuccessRate);
        var suiteName = suite ?? (tasks.Select(t => t.Suite).Distinct().Count() == 1 ? tasks[0].Suite : "all");
        if (json)
        {
            JsonOutput.Print(new
            {
                Suite = suiteName,
                Tasks = scores.Select(s => new { Task = s.TaskId, s.SuccessRate, s.Episodes, s.MeanSteps, s.FailureReasons }),
                MeanSuccessRate = mean,
                Checkpoint = Path.GetFullPath(checkpoint),
                Mode = sample ? "sample" : "greedy",
                Temperature = sample ? config.Temperature : (double?)null,
                TopK = sample && config.Kind == PolicyKind.Tokenized ? config.TopK : (int?)null,
                Contexts = demoContexts is null ? "eval" : Path.GetFullPath(demoContexts),
            });
            return CommandExit.Ok;
        }
        var table = new Table().AddColumns("task", "success", "episodes", "mean steps", "failures");
        foreach (var s in scores)
            table.AddRow(Markup.Escape(s.TaskId), $"{s.SuccessRate:P0}", s.Episodes.ToString(), $"{s.MeanSteps:F0}",
                Markup.Escape(string.Join(", ", s.FailureReasons.Select(r => $"{r.Key} x{r.Value}"))));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"mean success rate {mean:P1} over {scores.Count} tasks ({(sample ? "sampled" : "greedy")} actions, {(demoContexts is null ? "held-out contexts" : "the demos' initial states")})");
        if (video is not null)
            AnsiConsole.WriteLine($"filmstrips in {Path.GetFullPath(video)}");
        return CommandExit.Ok;
    }
}
