using System.CommandLine;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Runs;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// `ript quickstart`: the main job on the embedded default, the paper's 1-shot cross-scenario experiment in small:
/// pretrain on 50 expert demos of scenario A, SFT on 1 demo of scenario B, RIPT on B from that demo's initial state,
/// evaluate on B's 50 held-out contexts and print the before/after table.
/// </summary>
internal static class QuickstartCommand
{
    private static readonly Option<string> ExperimentOption = new("--experiment", "-e")
    {
        Description = $"A named transfer experiment of libero-mini ({string.Join(", ", LiberoMini.Experiments.Select(e => e.Name))}).",
        DefaultValueFactory = _ => "scenario-close-top-drawer",
    };
    private static readonly Option<int> PretrainDemosOption = new("--pretrain-demos") { Description = "Expert demos of the source task.", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> DemosOption = new("--demos") { Description = "Expert demos of the target task (SFT and RL contexts).", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> IterationsOption = new("--iterations") { Description = "RIPT iterations.", DefaultValueFactory = _ => 12 };
    private static readonly Option<int> EvalInitsOption = new("--eval-inits") { Description = "Held-out evaluation contexts of the target (of 50).", DefaultValueFactory = _ => 50 };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "Directory for demos, checkpoints and the RIPT run.", DefaultValueFactory = _ => "runs/quickstart" };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("quickstart", "Pretrain on scenario A, SFT on 1 demo of B, RIPT on B, evaluate on B: the before/after table.");
        foreach (var o in new Option[] { ExperimentOption, PretrainDemosOption, DemosOption, IterationsOption, EvalInitsOption, OutOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(ExperimentOption)!, parse.GetValue(PretrainDemosOption), parse.GetValue(DemosOption),
            parse.GetValue(IterationsOption), parse.GetValue(EvalInitsOption), parse.GetValue(OutOption)!, parse.GetValue(JsonOption), ct));
        return command;
    }

    internal static async Task<int> RunAsync(string experimentName, int pretrainDemos, int demos, int iterations, int evalInits, string outDir, bool json,
        CancellationToken ct)
    {
        var experiment = LiberoMini.Experiments.FirstOrDefault(e => e.Name == experimentName);
        if (experiment is null)
            return CommandExit.Usage("quickstart", $"--experiment: unknown experiment '{experimentName}'; known: {string.Join(", ", LiberoMini.Experiments.Select(e => e.Name))}");
        if (pretrainDemos is < 1 or > 50) return CommandExit.Usage("quickstart", $"--pretrain-demos must be in [1, 50], got {pretrainDemos}");
        if (demos is < 1 or > 50) return CommandExit.Usage("quickstart", $"--demos must be in [1, 50], got {demos}");
        if (iterations < 1) return CommandExit.Usage("quickstart", $"--iterations must be ≥ 1, got {iterations}");
        if (evalInits is < 1 or > 50) return CommandExit.Usage("quickstart", $"--eval-inits must be in [1, 50], got {evalInits}");
        var source = TaskRegistry.Get(experiment.Source);
        var target = TaskRegistry.Get(experiment.Target);
        var started = DateTime.UtcNow;
        // A quickstart always starts over; an earlier one in the same place is kept under OUT/.previous-<time>/.
        RunDirectory claim;
        try
        {
            claim = RunDirectory.Claim(outDir, RunStart.Force, "ript quickstart", checkpointName: "ript/checkpoint");
        }
        catch (RunDirectoryException e)
        {
            return CommandExit.Failed("quickstart", e.Message);
        }
        using var _ = claim;
        if (claim.Previous is not null)
            Say(json, $"the previous quickstart in {outDir} moved to {claim.Previous}");
        var sourceDemos = Path.Combine(outDir, "demos-source");
        var targetDemos = Path.Combine(outDir, "demos-target");

        Say(json, $"1/5 expert demonstrations: {pretrainDemos} of {source.Id}, {demos} of {target.Id} (\"{target.Instruction}\")");
        ProgressBar.Run("demonstrations", pretrainDemos + demos, tick =>
        {
            DemoGenerator.Generate(source, new DemoGenerator.Options(pretrainDemos, Noise: 0.05), _ => tick()).Save(Path.Combine(sourceDemos, $"{source.Name}.safetensors"));
            DemoGenerator.Generate(target, new DemoGenerator.Options(demos, Noise: 0.05), _ => tick()).Save(Path.Combine(targetDemos, $"{target.Name}.safetensors"));
            return 0;
        });

        Say(json, "2/5 pretraining on the source scenario: a regression (OpenVLA-OFT-like) policy with a Laplace scale head, state observations");
        var pretrain = Sft(new SftOptions
        {
            DemoDir = sourceDemos, Task = source.Id, Demos = pretrainDemos, Policy = PolicyKind.Regression, Steps = 1500, ScaleSteps = 300, EvalInits = 0,
            Out = Path.Combine(outDir, "pretrain"),
        });
        Say(json, $"3/5 SFT on {demos} demonstration(s) of the target scenario, from the pretrained weights");
        var sft = Sft(new SftOptions
        {
            DemoDir = targetDemos, Task = target.Id, Demos = demos, Policy = PolicyKind.Regression, Steps = 300, ScaleSteps = 100, EvalInits = 0,
            InitFrom = pretrain.CheckpointDirectory, Out = Path.Combine(outDir, "sft"),
        });

        Say(json, $"4/5 RIPT: {iterations} iterations of dynamic-sampling LOOP from the target demos' initial states, K=8, 32 trajectories per iteration");
        var run = new RiptRunOptions(Path.Combine(outDir, "ript"), [target.Id], sft.CheckpointDirectory, new RiptOptions
        {
            K = 8, BatchSize = 32, Epochs = 4, MinibatchSize = 8, LearningRate = 5e-5, Ratio = RatioMode.PerDecision,
        }, iterations)
        {
            DemoDirectory = targetDemos,
            ContextsPerTask = demos,
            EvalInits = evalInits,
            EvalEvery = Math.Max(1, iterations / 2),
            Workers = Environment.ProcessorCount,
        };
        RunResult result;
        try
        {
            // The embedded default: one in-process Orleans silo runs the learner and the context groups.
            await using var silo = await EmbeddedSilo.StartAsync(ct: ct);
            result = await RunClient.RunAsync(silo.Grains, run, r => Say(json,
                $"    iteration {r.Iteration + 1}/{iterations}: rollout success {r.RolloutSuccessRate:P0}, {r.Accepted} groups accepted, " +
                $"{r.RejectedAllSuccess} all-success and {r.RejectedAllFail} all-fail rejected, {r.RolloutSeconds:F0}s rollouts + {r.LearnerSeconds:F0}s update"), null, ct);
        }
        catch (RunFailedException e)
        {
            return CommandExit.Failed("quickstart", e.Message);
        }

        Say(json, $"5/5 evaluation on {evalInits} held-out contexts of the target (greedy: the Laplace mean)");
        // A run whose learner was restarted mid-way has no before-score of its own (it resumed from a checkpoint).
        var before = result.Before.SingleOrDefault()?.SuccessRate ?? double.NaN;
        var after = result.After.Single().SuccessRate;
        var report = Path.GetFullPath(Path.Combine(run.OutDirectory, "report.html"));
        var minutes = (DateTime.UtcNow - started).TotalMinutes;
        if (json)
        {
            JsonOutput.Print(new
            {
                Experiment = experiment.Name, Source = source.Id, Target = target.Id, PretrainDemos = pretrainDemos, Demos = demos, Iterations = iterations,
                EvalEpisodes = evalInits, SuccessRateBefore = before, SuccessRateAfter = after, Report = report, Minutes = minutes,
            });
            return CommandExit.Ok;
        }
        Console.Out.WriteLine($"{experiment.Kind} experiment {experiment.Name}: source {source.Id}, target {target.Id}");
        var table = new Table().AddColumns("policy", $"target success ({evalInits} held-out contexts)");
        table.AddRow(Markup.Escape($"SFT: {pretrainDemos} source demos, then {demos} target demo(s)"), $"{before:P0}");
        table.AddRow(Markup.Escape($"SFT + RIPT ({iterations} iterations)"), $"{after:P0}");
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"{minutes:F1} min; curves in {report}");
        return CommandExit.Ok;
    }

    private static SftResult Sft(SftOptions options) =>
        ProgressBar.Run("sft steps", SftTrainer.TotalSteps(options), tick => SftTrainer.Run(options, tick));

    private static void Say(bool json, string line)
    {
        if (json) Console.Error.WriteLine(line);
        else Console.Out.WriteLine(line);
    }
}
