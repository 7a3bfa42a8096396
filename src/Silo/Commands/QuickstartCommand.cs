using System.CommandLine;
using RiptOrleans.Grains;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// `ript quickstart`: the main job on the embedded default, start to end on this machine: scripted-expert demos,
/// SFT of a weak policy on a few of them, RIPT on contexts of the task, evaluation, and the before/after table.
/// </summary>
internal static class QuickstartCommand
{
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "Task of the experiment.", DefaultValueFactory = _ => "metaworld-mini/push" };
    private static readonly Option<int> DemosOption = new("--demos") { Description = "Expert demonstrations for SFT.", DefaultValueFactory = _ => 5 };
    private static readonly Option<int> IterationsOption = new("--iterations") { Description = "RIPT iterations.", DefaultValueFactory = _ => 12 };
    private static readonly Option<int> EvalInitsOption = new("--eval-inits") { Description = "Evaluation contexts (of 50).", DefaultValueFactory = _ => 50 };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "Directory for demos, SFT and RIPT runs.", DefaultValueFactory = _ => "runs/quickstart" };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("quickstart", "Demos → SFT → RIPT → eval on a small default experiment; prints the before/after table.");
        foreach (var o in new Option[] { TaskOption, DemosOption, IterationsOption, EvalInitsOption, OutOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(TaskOption)!, parse.GetValue(DemosOption), parse.GetValue(IterationsOption),
            parse.GetValue(EvalInitsOption), parse.GetValue(OutOption)!, parse.GetValue(JsonOption), ct));
        return command;
    }

    internal static async Task<int> RunAsync(string taskName, int demos, int iterations, int evalInits, string outDir, bool json, CancellationToken ct)
    {
        if (demos is < 1 or > 50) return CommandExit.Usage("quickstart", $"--demos must be in [1, 50], got {demos}");
        if (iterations < 1) return CommandExit.Usage("quickstart", $"--iterations must be ≥ 1, got {iterations}");
        if (evalInits is < 1 or > 50) return CommandExit.Usage("quickstart", $"--eval-inits must be in [1, 50], got {evalInits}");
        var (tasks, error) = TaskSelection.Resolve(taskName, null);
        if (error is not null) return CommandExit.Usage("quickstart", error);
        var spec = tasks[0];
        if (spec.Expert is null) return CommandExit.Failed("quickstart", $"task {spec.Id} has no scripted expert to demonstrate it");
        var started = DateTime.UtcNow;
        var demoDir = Path.Combine(outDir, "demos");

        Say(json, $"1/4 {demos} scripted-expert demonstrations of {spec.Id} (\"{spec.Instruction}\")");
        DemoGenerator.Generate(spec, new DemoGenerator.Options(demos, Noise: 0.1)).Save(Path.Combine(demoDir, $"{spec.Name}.safetensors"));

        Say(json, "2/4 SFT: a regression (OFT-like) policy with a Laplace scale head, state observations");
        var sftOptions = new SftOptions
        {
            DemoDir = demoDir, Task = spec.Id, Demos = demos, Policy = PolicyKind.Regression, Steps = 400, ScaleSteps = 300, EvalInits = 0,
            Out = Path.Combine(outDir, "sft"),
        };
        var sft = ProgressBar.Run("sft steps", SftTrainer.TotalSteps(sftOptions), tick => SftTrainer.Run(sftOptions, tick));

        Say(json, $"3/4 RIPT: {iterations} iterations of dynamic-sampling LOOP on 30 contexts, K=8, 48 trajectories per iteration");
        var run = new RiptRunOptions(Path.Combine(outDir, "ript"), [spec.Id], sft.CheckpointDirectory, new RiptOptions
        {
            K = 8, BatchSize = 48, Epochs = 4, MinibatchSize = 8, LearningRate = 1e-4, Ratio = RatioMode.PerDecision,
        }, iterations)
        {
            ContextsPerTask = 30,
            EvalInits = evalInits,
            Workers = Environment.ProcessorCount,
        };
        await using var silo = new InProcessSiloHost(run.Workers);
        RiptRunResult result;
        try
        {
            result = await RiptRun.RunAsync(run, silo.Start, r => Say(json,
                $"    iteration {r.Iteration + 1}/{iterations}: rollout success {r.RolloutSuccessRate:P0}, {r.Accepted} groups accepted, " +
                $"{r.RejectedAllSuccess + r.RejectedAllFail} rejected"), null, ct);
        }
        catch (RiptRejectionException e)
        {
            return CommandExit.Failed("quickstart", e.Message);
        }

        Say(json, "4/4 evaluation on the 50 held-out contexts (greedy actions)");
        var before = result.Before.Single().SuccessRate;
        var after = result.After.Single().SuccessRate;
        var lines = RiptMetricsLine.ReadAll(run.MetricsPath);
        var rolloutFirst = lines.First().RolloutSuccessRate;
        var rolloutLast = lines.Last().RolloutSuccessRate;
        var minutes = (DateTime.UtcNow - started).TotalMinutes;
        if (json)
        {
            JsonOutput.Print(new
            {
                Task = spec.Id, Demos = demos, Iterations = iterations, EvalEpisodes = evalInits,
                SuccessRateBefore = before, SuccessRateAfter = after, RolloutSuccessRateFirst = rolloutFirst, RolloutSuccessRateLast = rolloutLast,
                Report = Path.GetFullPath(Path.Combine(run.OutDirectory, "report.html")), Minutes = minutes,
            });
            return CommandExit.Ok;
        }
        var table = new Table().Title($"{spec.Id}: {demos} demos, {iterations} RIPT iterations").AddColumns("", "SFT", "SFT + RIPT");
        table.AddRow("eval success (greedy, held-out contexts)", $"{before:P0}", $"{after:P0}");
        table.AddRow("rollout success (sampled, training contexts)", $"{rolloutFirst:P0}", $"{rolloutLast:P0}");
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"{minutes:F1} min; curves in {Path.GetFullPath(Path.Combine(run.OutDirectory, "report.html"))}");
        return CommandExit.Ok;
    }

    private static void Say(bool json, string line)
    {
        if (json) Console.Error.WriteLine(line);
        else Console.Out.WriteLine(line);
    }
}
