using System.CommandLine;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript experts`: success rate of every task's scripted expert on its evaluation contexts.</summary>
internal static class ExpertsCommand
{
    private static readonly Option<string> SuiteOption = new("--suite", "-s") { Description = "Suite to evaluate (default: every suite)." };
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "One task (id or unique name)." };
    private static readonly Option<int> InitsOption = new("--inits") { Description = "Evaluation contexts per task.", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> ThreadsOption = new("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object (DESIGN §4) as the last line." };
    private static readonly Option<bool> NoiseOption = new("--noise")
    {
        Description = "Also run every context with the demos' action noise (LIBERO-style σ 0.05, MetaWorld σ 0.2, clipped to [-1, 1]) and print both.",
    };
    private static readonly Option<double?> NoiseStdOption = new("--noise-std") { Description = "The noise σ for --noise instead of the suite's demo noise." };

    public static Command Create()
    {
        var command = new Command("experts", "Success rate of the scripted experts on the evaluation contexts.");
        foreach (var o in new Option[] { SuiteOption, TaskOption, InitsOption, ThreadsOption, NoiseOption, NoiseStdOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(parse => Run(parse.GetValue(SuiteOption), parse.GetValue(TaskOption), parse.GetValue(InitsOption),
            parse.GetValue(ThreadsOption), parse.GetValue(JsonOption), parse.GetValue(NoiseOption), parse.GetValue(NoiseStdOption)));
        return command;
    }

    internal static int Run(string? suite, string? task, int inits, int threads, bool json, bool noisy = false, double? noiseStd = null)
    {
        if (noiseStd is { } std && (!noisy || std is < 0 or > 1))
            return CommandExit.Usage("experts", noisy ? $"--noise-std must be in [0, 1], got {std}" : "--noise-std needs --noise");
        if (inits is < 1 or > 50)
            return CommandExit.Usage("experts", $"--inits must be in [1, 50], got {inits}");
        if (threads < 1)
            return CommandExit.Usage("experts", $"--threads must be ≥ 1, got {threads}");
        var (tasks, error) = TaskSelection.Resolve(task, suite, allowAll: true);
        if (error is not null)
            return CommandExit.Usage("experts", error);
        var missing = tasks.Where(t => t.Expert is null).Select(t => t.Id).ToList();
        tasks = tasks.Where(t => t.Expert is not null).ToList();
        if (tasks.Count == 0)
            return CommandExit.Failed("experts", $"no scripted expert for: {string.Join(", ", missing)}");
        Func<TaskSpec, double> sigma = t => noiseStd ?? DemoGenerator.DemoNoise(t.Robot);
        var (scores, noisyScores) = ProgressBar.Run("expert episodes", tasks.Count * inits * (noisy ? 2 : 1), tick =>
            (ExpertEvaluation.Run(tasks, inits, threads, tick), noisy ? ExpertEvaluation.Run(tasks, inits, threads, tick, sigma) : null));
        var mean = scores.Average(s => s.SuccessRate);
        var noisyMean = noisyScores?.Average(s => s.SuccessRate);
        if (json)
        {
            JsonOutput.Print(new
            {
                Suite = suite ?? (tasks.Select(t => t.Suite).Distinct().Count() == 1 ? tasks[0].Suite : "all"),
                Tasks = scores.Select((s, i) => new
                {
                    Task = s.TaskId, s.SuccessRate, s.Episodes, s.MeanSteps, s.FailureReasons,
                    Noisy = noisyScores is null ? null : new
                    {
                        noisyScores[i].Noise, noisyScores[i].SuccessRate, noisyScores[i].MeanSteps, noisyScores[i].FailureReasons,
                    },
                }),
                MeanSuccessRate = mean,
                NoisyMeanSuccessRate = noisyMean,
                WithoutExpert = missing,
            });
            return CommandExit.Ok;
        }
        var table = new Table().AddColumns("task", "success", "episodes", "mean steps", "failures");
        if (noisyScores is not null)
            table.AddColumns("noisy success", "noisy mean steps", "noisy failures");
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            string[] row = [Markup.Escape(s.TaskId), $"{s.SuccessRate:P0}", s.Episodes.ToString(), $"{s.MeanSteps:F0}", Failures(s)];
            if (noisyScores is not null)
                row = [.. row, $"{noisyScores[i].SuccessRate:P0} (σ {noisyScores[i].Noise:0.##})", $"{noisyScores[i].MeanSteps:F0}", Failures(noisyScores[i])];
            table.AddRow(row);
        }
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"mean success rate {mean:P1} over {scores.Count} tasks" + (noisyMean is { } m ? $", with noise {m:P1}" : ""));
        if (missing.Count > 0)
            AnsiConsole.WriteLine($"no expert yet: {string.Join(", ", missing)}");
        return CommandExit.Ok;
    }

    private static string Failures(ExpertScore s) => Markup.Escape(string.Join(", ", s.FailureReasons.Select(r => $"{r.Key} x{r.Value}")));
}
