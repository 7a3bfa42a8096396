using System.CommandLine;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Experiments;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Runs;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// `ript quickstart`: the main job on the embedded default, the paper's 1-shot cross-scenario experiment in small:
/// pretrain on 50 expert demos of scenario A, SFT on 1 demo of scenario B, RIPT on B from that demo's initial state,
/// evaluate on B's 50 held-out contexts and print the before/after table. One cell of `ript experiment cross-scenario`.
/// </summary>
internal static class QuickstartCommand
{
    private static readonly Option<string> ExperimentOption = new("--experiment", "-e")
    {
        Description = $"A registered transfer pair ({string.Join(", ", ExperimentRegistry.Pairs.Select(e => e.Name))}).",
        DefaultValueFactory = _ => ExperimentRegistry.QuickstartPair,
    };
    private static readonly Option<string> PolicyOption = new("--policy", "-p")
    {
        Description = "Policy family: regression (OpenVLA-OFT-like, Laplace head) or tokenized (QueST-like skill tokens).",
        DefaultValueFactory = _ => "regression",
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
        foreach (var o in new Option[] { ExperimentOption, PolicyOption, PretrainDemosOption, DemosOption, IterationsOption, EvalInitsOption, OutOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(ExperimentOption)!, parse.GetValue(PolicyOption)!, parse.GetValue(PretrainDemosOption),
            parse.GetValue(DemosOption), parse.GetValue(IterationsOption), parse.GetValue(EvalInitsOption), parse.GetValue(OutOption)!, parse.GetValue(JsonOption), ct));
        return command;
    }

    internal static async Task<int> RunAsync(string experimentName, string policy, int pretrainDemos, int demos, int iterations, int evalInits, string outDir,
        bool json, CancellationToken ct)
    {
        var pair = ExperimentRegistry.FindPair(experimentName);
        if (pair is null)
            return CommandExit.Usage("quickstart", $"--experiment: unknown experiment '{experimentName}'; known: {string.Join(", ", ExperimentRegistry.Pairs.Select(e => e.Name))}");
        if (!Enum.TryParse<PolicyKind>(policy, ignoreCase: true, out var family) || !Enum.IsDefined(family) || int.TryParse(policy, out _))
            return CommandExit.Usage("quickstart", $"--policy must be regression or tokenized, got '{policy}'");
        if (pretrainDemos is < 1 or > 50) return CommandExit.Usage("quickstart", $"--pretrain-demos must be in [1, 50], got {pretrainDemos}");
        if (demos is < 1 or > 50) return CommandExit.Usage("quickstart", $"--demos must be in [1, 50], got {demos}");
        if (iterations < 1) return CommandExit.Usage("quickstart", $"--iterations must be ≥ 1, got {iterations}");
        if (evalInits is < 1 or > 50) return CommandExit.Usage("quickstart", $"--eval-inits must be in [1, 50], got {evalInits}");
        var source = TaskRegistry.Get(pair.Source);
        var target = TaskRegistry.Get(pair.Target);
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
        using var owned = claim;
        if (claim.Previous is not null)
            Say(json, $"the previous quickstart in {outDir} moved to {claim.Previous}");
        var cell = new ExperimentCell("quickstart", ExperimentUnit.ForPair(pair), family, demos, 1, ExperimentVariant.Ript);
        var settings = new CellSettings
        {
            Iterations = iterations, EvalInits = evalInits, EvalEvery = Math.Max(1, iterations / 2), PretrainDemos = pretrainDemos, Workers = Environment.ProcessorCount,
        };
        var familyName = family == PolicyKind.Regression ? "regression (OpenVLA-OFT-like) policy with a Laplace scale head" : "tokenized (QueST-like) policy over skill tokens";
        Say(json, $"{pair.Kind} pair {pair.Name}: source {source.Id}, target {target.Id} (\"{target.Instruction}\"); a {familyName}, state observations");
        var step = 0;
        var hooks = new CellHooks
        {
            Say = line => Say(json, $"{++step}/4 {line}"),
            RunSft = Sft,
            OnIteration = r => Say(json,
                $"    iteration {r.Iteration + 1}/{iterations}: rollout success {r.RolloutSuccessRate:P0}, {r.Accepted} groups accepted, " +
                $"{r.RejectedAllSuccess} all-success and {r.RejectedAllFail} all-fail rejected, {r.RolloutSeconds:F0}s rollouts + {r.LearnerSeconds:F0}s update"),
        };
        CellResult result;
        try
        {
            result = await CellPipeline.RunAsync(cell, settings, CellPaths.Flat(outDir), RiptRunLauncher.Starter, hooks, ct);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or RunFailedException)
        {
            return CommandExit.Failed("quickstart", e.Message);
        }

        var report = Path.GetFullPath(Path.Combine(outDir, "ript", "report.html"));
        var minutes = (DateTime.UtcNow - started).TotalMinutes;
        if (json)
        {
            JsonOutput.Print(new
            {
                Experiment = pair.Name, Policy = ExperimentCell.FamilyName(family), Source = source.Id, Target = target.Id, PretrainDemos = pretrainDemos, Demos = demos,
                Iterations = iterations, EvalEpisodes = evalInits, SuccessRateBefore = result.SuccessBefore, SuccessRateAfter = result.SuccessAfter,
                SampledSuccessRateBefore = result.SampledBefore, SampledSuccessRateAfter = result.SampledAfter,
                result.Status, result.StopReason, result.SecondsPerIteration, result.RolloutsPerSecond, Report = report, Minutes = minutes,
            });
            return result.Status == CellResult.Finished ? CommandExit.Ok : 1;
        }
        Console.Out.WriteLine($"{pair.Kind} experiment {pair.Name} ({ExperimentCell.FamilyName(family)}): source {source.Id}, target {target.Id}");
        var table = new Table().AddColumns("policy", $"target success ({evalInits} held-out contexts)");
        table.AddRow(Markup.Escape($"SFT: {pretrainDemos} source demos, then {demos} target demo(s)"), $"{result.SuccessBefore:P0}");
        table.AddRow(Markup.Escape(result.Status == CellResult.Finished ? $"SFT + RIPT ({result.IterationsRun} iterations{(result.IterationsRun < iterations ? ", every rollout then succeeded" : "")})" : $"SFT + RIPT (stopped after {result.IterationsRun} iterations)"),
            $"{result.SuccessAfter:P0}");
        if (result.SampledBefore is { } sb && result.SampledAfter is { } sa)
        {
            table.AddRow("SFT, sampled actions (the rollout policy)", $"{sb:P0}");
            table.AddRow("SFT + RIPT, sampled actions", $"{sa:P0}");
        }
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"{minutes:F1} min ({result.SecondsPerIteration:F0} s per RIPT iteration, {result.RolloutsPerSecond:F1} rollouts/s); curves in {report}");
        if (result.StopReason is { } reason)
            return CommandExit.Failed("quickstart", $"RIPT stopped: {reason}");
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
