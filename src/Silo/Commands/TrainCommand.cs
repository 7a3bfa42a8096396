using System.CommandLine;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript train`: stage 3 RIPT (dynamic-sampling LOOP) from an SFT checkpoint; a thin client of the run's learner grain on an embedded silo.</summary>
internal static class TrainCommand
{
    private static readonly Option<string> ConfigOption = new("--config", "-c") { Description = "JSON config file (TrainOptions, snake_case keys); flags and RIPT_TRAIN_* override it." };
    private static readonly Option<string> CheckpointOption = new("--checkpoint") { Description = "SFT checkpoint directory to start from." };
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "Train on one task." };
    private static readonly Option<string> SuiteOption = new("--suite", "-s") { Description = "Train on every task of a suite." };
    private static readonly Option<string> DemoDirOption = new("--demo-dir") { Description = "Demo files whose initial states are the contexts." };
    private static readonly Option<int?> ContextsOption = new("--contexts-per-task") { Description = "Contexts per task." };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "Run directory." };
    private static readonly Option<int?> IterationsOption = new("--iterations") { Description = "RIPT iterations." };
    private static readonly Option<int?> KOption = new("--k") { Description = "Rollouts per context." };
    private static readonly Option<int?> BatchOption = new("--batch-size") { Description = "Trajectories per iteration (a multiple of k)." };
    private static readonly Option<int?> EpochsOption = new("--epochs") { Description = "PPO epochs per iteration." };
    private static readonly Option<int?> MinibatchOption = new("--minibatch-size") { Description = "Trajectories per minibatch." };
    private static readonly Option<double?> ClipOption = new("--clip-epsilon") { Description = "PPO clip ε." };
    private static readonly Option<double?> LrOption = new("--lr") { Description = "Learning rate of the RL parameters." };
    private static readonly Option<string[]> GroupLrOption = new("--group-lr") { Description = "Learning rate of a parameter group, name=value (repeatable), e.g. head=1e-5." };
    private static readonly Option<RatioMode?> RatioOption = new("--ratio") { Description = "Trajectory or PerDecision PPO ratio." };
    private static readonly Option<bool?> RejectionOption = new("--dynamic-rejection") { Description = "Reject all-equal groups (true/false)." };
    private static readonly Option<double?> TemperatureOption = new("--temperature") { Description = "Sampling temperature or Laplace scale multiplier of rollouts." };
    private static readonly Option<int?> TopKOption = new("--top-k") { Description = "Rollout tokens from the k most likely only (tokenized; 0 = full softmax)." };
    private static readonly Option<long?> SeedOption = new("--seed") { Description = "Run seed (contexts, rollouts, shuffles)." };
    private static readonly Option<int?> WorkersOption = new("--workers") { Description = "Worker threads (0: one per core)." };
    private static readonly Option<int?> EvalEveryOption = new("--eval-every") { Description = "Evaluate every N iterations (0: before and after only)." };
    private static readonly Option<int?> EvalInitsOption = new("--eval-inits") { Description = "Evaluation contexts per task (0: none)." };
    private static readonly Option<int?> SkipSolvedOption = new("--skip-solved-iterations") { Description = "Skip contexts all-success within N iterations (0: never)." };
    private static readonly Option<bool> ResumeOption = new("--resume") { Description = "Continue from the run directory's checkpoint." };
    private static readonly Option<bool> ForceOption = new("--force") { Description = "Start over in a run directory that holds a run, moving the old one to RUN/.previous-<time>/." };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("train", "Stage 3 RIPT: dynamic-sampling LOOP from an SFT checkpoint (an embedded Orleans silo on all cores).");
        foreach (var o in new Option[] { ConfigOption, CheckpointOption, TaskOption, SuiteOption, DemoDirOption, ContextsOption, OutOption,
                     IterationsOption, KOption, BatchOption, EpochsOption, MinibatchOption, ClipOption, LrOption, GroupLrOption, RatioOption, RejectionOption,
                     TemperatureOption, TopKOption, SeedOption, SkipSolvedOption, WorkersOption, EvalEveryOption, EvalInitsOption, ResumeOption, ForceOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            TrainOptions o;
            try
            {
                o = TrainOptions.Load(parse.GetValue(ConfigOption));
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                return CommandExit.Usage("train", e.Message);
            }
            var selection = TaskSelection.OverConfig(parse.GetValue(TaskOption), parse.GetValue(SuiteOption), o.Task, o.Suite);
            o = o with
            {
                Checkpoint = parse.GetValue(CheckpointOption) ?? o.Checkpoint,
                Task = selection.Task,
                Suite = selection.Suite,
                DemoDir = parse.GetValue(DemoDirOption) ?? o.DemoDir,
                ContextsPerTask = parse.GetValue(ContextsOption) ?? o.ContextsPerTask,
                Out = parse.GetValue(OutOption) ?? o.Out,
                Iterations = parse.GetValue(IterationsOption) ?? o.Iterations,
                K = parse.GetValue(KOption) ?? o.K,
                BatchSize = parse.GetValue(BatchOption) ?? o.BatchSize,
                Epochs = parse.GetValue(EpochsOption) ?? o.Epochs,
                MinibatchSize = parse.GetValue(MinibatchOption) ?? o.MinibatchSize,
                ClipEpsilon = parse.GetValue(ClipOption) ?? o.ClipEpsilon,
                LearningRate = parse.GetValue(LrOption) ?? o.LearningRate,
                GroupLearningRates = parse.GetValue(GroupLrOption) is { Length: > 0 } groups ? ParseGroupRates(groups) : o.GroupLearningRates,
                Ratio = parse.GetValue(RatioOption) ?? o.Ratio,
                DynamicRejection = parse.GetValue(RejectionOption) ?? o.DynamicRejection,
                Temperature = parse.GetValue(TemperatureOption) ?? o.Temperature,
                TopK = parse.GetValue(TopKOption) ?? o.TopK,
                Seed = parse.GetValue(SeedOption) ?? o.Seed,
                SkipSolvedIterations = parse.GetValue(SkipSolvedOption) ?? o.SkipSolvedIterations,
                Workers = parse.GetValue(WorkersOption) ?? o.Workers,
                EvalEvery = parse.GetValue(EvalEveryOption) ?? o.EvalEvery,
                EvalInits = parse.GetValue(EvalInitsOption) ?? o.EvalInits,
                Resume = parse.GetValue(ResumeOption) || o.Resume,
                Force = parse.GetValue(ForceOption) || o.Force,
            };
            return await RunAsync(o, parse.GetValue(JsonOption), ct);
        });
        return command;
    }

    /// <summary>name=value pairs; a malformed pair becomes a NaN rate that validation reports with its name.</summary>
    private static Dictionary<string, double> ParseGroupRates(string[] pairs) => pairs.Select(p => p.Split('=', 2)).ToDictionary(
        kv => kv[0], kv => kv.Length == 2 && double.TryParse(kv[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN);

    internal static async Task<int> RunAsync(TrainOptions o, bool json, CancellationToken ct)
    {
        var errors = o.Validate();
        if (errors.Count > 0)
            return CommandExit.Usage("train", string.Join(Environment.NewLine + "train: ", errors));
        var (tasks, error) = TaskSelection.Resolve(o.Task, o.Suite);
        if (error is not null)
            return CommandExit.Usage("train", error);
        var workers = o.Workers == 0 ? Environment.ProcessorCount : o.Workers;
        var run = new RiptRunOptions(o.Out, tasks.Select(t => t.Id).ToArray(), o.Checkpoint ?? "", o.ToRipt(), o.Iterations)
        {
            DemoDirectory = o.DemoDir,
            ContextsPerTask = o.ContextsPerTask,
            Seed = o.Seed,
            SkipSolvedIterations = o.SkipSolvedIterations,
            Workers = workers,
            EvalEvery = o.EvalEvery,
            EvalInits = o.EvalInits,
            Resume = o.Resume,
            Force = o.Force,
            Temperature = o.Temperature,
            TopK = o.TopK,
        };
        RunResult result;
        try
        {
            // The embedded default: one in-process Orleans silo; this command is the run's thin client.
            await using var silo = await EmbeddedSilo.StartAsync(ct: ct);
            result = await RunClient.RunAsync(silo.Grains, run, r => Console.Error.WriteLine(
                $"iteration {r.Iteration + 1}/{o.Iterations}: rollout SR {r.RolloutSuccessRate:P0}, groups {r.Accepted} accepted / " +
                $"{r.RejectedAllSuccess} all-success / {r.RejectedAllFail} all-fail, {r.Rollouts / Math.Max(1e-9, r.RolloutSeconds):F1} rollouts/s, " +
                $"loss {r.Update.PolicyLoss:F4}, clip {r.Update.ClipFraction:F2}, {r.RolloutSeconds:F0}s rollouts + {r.LearnerSeconds:F0}s update" +
                (r.Reissued > 0 ? $", {r.Reissued} groups reissued" : "")),
                g => Console.Error.WriteLine(
                    $"  group {g.ContextId} at v{g.PolicyVersion}: {g.Successes}/{g.K} successes, {g.Verdict}, " +
                    $"{g.K / Math.Max(1e-9, g.Seconds):F1} rollouts/s" + (g.Attempt > 1 ? $" (attempt {g.Attempt})" : "")),
                ct);
        }
        catch (RunFailedException e) when (e.Failure == RunFailure.Rejection)
        {
            return CommandExit.Failed("train", $"{e.Message} (progress so far is in {Path.GetFullPath(o.Out)})");
        }
        catch (RunFailedException e)
        {
            return CommandExit.Failed("train", e.Message);
        }
        if (json)
        {
            JsonOutput.Print(new
            {
                Run = Path.GetFullPath(o.Out),
                Iterations = o.Iterations,
                StartIteration = result.StartIteration,
                Before = result.Before.Select(s => new { Task = s.TaskId, s.SuccessRate, s.Episodes }),
                After = result.After.Select(s => new { Task = s.TaskId, s.SuccessRate, s.Episodes }),
                MeanSuccessRateBefore = result.Before.Length == 0 ? (double?)null : result.Before.Average(s => s.SuccessRate),
                MeanSuccessRateAfter = result.After.Length == 0 ? (double?)null : result.After.Average(s => s.SuccessRate),
                result.RolloutSeconds,
                result.LearnerSeconds,
            });
            return CommandExit.Ok;
        }
        var table = new Table().AddColumns("task", "before (SFT)", "after (RIPT)");
        foreach (var a in result.After)
        {
            var b = result.Before.FirstOrDefault(s => s.TaskId == a.TaskId);
            table.AddRow(Markup.Escape(a.TaskId), b is null ? "-" : $"{b.SuccessRate:P0}", $"{a.SuccessRate:P0}");
        }
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"rollouts {result.RolloutSeconds:F0}s, updates {result.LearnerSeconds:F0}s; run in {Path.GetFullPath(o.Out)} (report.html, metrics.jsonl, checkpoint/)");
        return CommandExit.Ok;
    }
}
