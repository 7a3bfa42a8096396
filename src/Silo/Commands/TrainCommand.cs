using System.CommandLine;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript train`: stage 3 RIPT (dynamic-sampling LOOP) from an SFT checkpoint; a thin client of the run's learner grain on an embedded silo.</summary>
internal static class TrainCommand
{
    internal static readonly OptionsBinder<TrainOptions> Binder = new("train", TrainOptions.Json);
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };
    private static readonly Option<string> ClusterOption = new("--cluster") { Description = "Run on a cluster (redis://host:port) instead of the embedded silo; paths must exist on the learner silo's host." };
    private static readonly Option<string> ClusterIdOption = new("--cluster-id") { Description = "Cluster id (with --cluster).", DefaultValueFactory = _ => "ript" };
    private static readonly Option<bool> DashboardOption = new("--dashboard") { Description = $"Serve the Orleans Dashboard and the inspection pages of the embedded run (127.0.0.1:{WebEndpoint.DefaultPort})." };
    private static readonly Option<string> ListenOption = new("--listen") { Description = "Serve them at ADDRESS:PORT instead (implies --dashboard)." };

    public static Command Create()
    {
        var command = new Command("train", "Stage 3 from an SFT checkpoint: RIPT (dynamic-sampling LOOP, default) or iRe-VLA (--algorithm ire-vla), on an embedded Orleans silo on all cores.");
        Binder.AddTo(command);
        foreach (var o in new Option[] { JsonOption, ClusterOption, ClusterIdOption, DashboardOption, ListenOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            TrainOptions o;
            try
            {
                o = Binder.Bind(parse);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return CommandExit.Usage("train", e.Message);
            }
            var where = new RunTarget(null, parse.GetValue(ClusterIdOption)!, null);
            try
            {
                if (parse.GetValue(ClusterOption) is { } url) where = where with { Cluster = ClusterAddress.Parse(url) };
                if (parse.GetValue(ListenOption) is { } listen) where = where with { Web = WebEndpoint.Parse(listen) };
                else if (parse.GetValue(DashboardOption)) where = where with { Web = WebEndpoint.Default };
            }
            catch (FormatException e)
            {
                return CommandExit.Usage("train", e.Message);
            }
            if (where.Cluster is not null && where.Web is not null)
                return CommandExit.Usage("train", "--dashboard/--listen are for the embedded run; a cluster's learner silo serves the dashboard (ript silo --role learner --listen ...)");
            return await RunAsync(o, parse.GetValue(JsonOption), ct, where);
        });
        return command;
    }

    internal static async Task<int> RunAsync(TrainOptions o, bool json, CancellationToken ct, RunTarget? target = null)
    {
        target ??= RunTarget.Embedded;
        var errors = o.Validate();
        if (errors.Count > 0)
            return CommandExit.Usage("train", string.Join(Environment.NewLine + "train: ", errors));
        var (tasks, error) = TaskSelection.Resolve(o.Task, o.Suite);
        if (error is not null)
            return CommandExit.Usage("train", error);
        // The learner grain claims the directory; a path it could never write fails here, before a silo starts (a cluster's
        // learner writes on its own host, which only it can check).
        if (target.Cluster is null && OutputPath.Directory(o.Out, "train --out") is { } outProblem)
            return CommandExit.Failed("train", outProblem);
        // workers 0: one per core here; on a cluster, the worker silos' slots as they come and go.
        var workers = o.Workers != 0 ? o.Workers : target.Cluster is null ? Environment.ProcessorCount : 0;
        // The learner opens these paths on its own host, in its own working directory: send them absolute.
        var run = new RiptRunOptions(Path.GetFullPath(o.Out), tasks.Select(t => t.Id).ToArray(), o.Checkpoint is null ? "" : Path.GetFullPath(o.Checkpoint), o.Ript, o.Iterations)
        {
            DemoDirectory = o.DemoDir is null ? null : Path.GetFullPath(o.DemoDir),
            ContextsPerTask = o.ContextsPerTask,
            Seed = o.Seed,
            ContextNoise = o.ContextNoise,
            SkipSolvedIterations = o.SkipSolvedIterations,
            Workers = workers,
            EvalEvery = o.EvalEvery,
            EvalInits = o.EvalInits,
            Resume = o.Resume,
            Force = o.Force,
            Temperature = o.Temperature,
            TopK = o.TopK,
            IreVla = o.HasSupervisedRounds ? o.IreVla : null,
            RiptRl = o.Algorithm == TrainOptions.RiptReplayName,
            SimStepBudget = o.SimStepBudget,
        };
        RunResult result;
        var seen = -1;
        var said = 0;
        // Said as soon as the run is told to stop, not once the silo has shut down (which may take a while on a busy machine).
        void SayWhereItStands()
        {
            if (Interlocked.Exchange(ref said, 1) == 0)
                Console.Error.WriteLine($"train: {Stand(o, seen)}; continue with: {ResumeCommand()}");
        }
        using var sayOnStop = ct.Register(SayWhereItStands);
        try
        {
            // The one seam that starts a run (the embedded silo, or a cluster's gateways; this command is the run's thin client).
            result = await RiptRunLauncher.RunAsync(run, r =>
            {
                seen = Math.Max(seen, r.Iteration);
                if (r.Stage == "sl")
                    Console.Error.WriteLine($"iteration {r.Iteration + 1}/{o.Iterations} (iRe-VLA stage 2, round {r.Round + 1}): supervised loss {r.SupervisedLoss:F4} over " +
                        $"{r.OptimizerSteps} steps, {r.OnlineFraction:P0} of windows from {r.OnlineTrajectories} online successes, {r.LearnerSeconds:F0}s");
                else if (r.Stage == "rl")
                    Console.Error.WriteLine($"iteration {r.Iteration + 1}/{o.Iterations} (iRe-VLA stage 1, round {r.Round + 1}, {r.RlTask}): rollout SR {r.RolloutSuccessRate:P0} " +
                        $"of {r.Rollouts}, {r.RolloutsPerSecond:F1} rollouts/s, policy loss {r.PolicyLoss:F4}, value loss {r.ValueLoss:F4}, clip {r.ClipFraction:F2}, " +
                        $"+{r.OnlineAdded} successes ({r.OnlineTrajectories} in D_RL), {r.RolloutSeconds:F0}s rollouts + {r.LearnerSeconds:F0}s update");
                else
                    Console.Error.WriteLine($"iteration {r.Iteration + 1}/{o.Iterations}: rollout SR {r.RolloutSuccessRate:P0}, groups {r.Accepted} accepted / " +
                        $"{r.RejectedAllSuccess} all-success / {r.RejectedAllFail} all-fail, {r.RolloutsPerSecond:F1} rollouts/s, " +
                        $"loss {r.PolicyLoss:F4}, clip {r.ClipFraction:F2}, {r.RolloutSeconds:F0}s rollouts + {r.LearnerSeconds:F0}s update" +
                        (r.Reissued > 0 ? $", {r.Reissued} groups reissued" : ""));
            },
                g => Console.Error.WriteLine(
                    $"  group {g.ContextId} at v{g.PolicyVersion}: {g.Successes}/{g.K} successes, {g.Verdict}, " +
                    $"{g.K / Math.Max(1e-9, g.Seconds):F1} rollouts/s" + (g.Attempt > 1 ? $" (attempt {g.Attempt})" : "")),
                ct, target);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            SayWhereItStands();
            return 130;
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
                result.EndedEarly,
            });
            return CommandExit.Ok;
        }
        var table = new Table().AddColumns("task", "before (SFT)", o.Algorithm switch
        {
            TrainOptions.IreVlaName => "after (iRe-VLA)",
            TrainOptions.RiptReplayName => "after (RIPT + replay)",
            _ => "after (RIPT)",
        });
        foreach (var a in result.After)
        {
            var b = result.Before.FirstOrDefault(s => s.TaskId == a.TaskId);
            table.AddRow(Markup.Escape(a.TaskId), b is null ? "-" : $"{b.SuccessRate:P0}", $"{a.SuccessRate:P0}");
        }
        AnsiConsole.Write(table);
        if (result.EndedEarly is { } ended) Console.Out.WriteLine($"the run {ended}");
        Console.Out.WriteLine($"rollouts {result.RolloutSeconds:F0}s, updates {result.LearnerSeconds:F0}s; run in {Path.GetFullPath(o.Out)} (report.html, metrics.jsonl, checkpoint/)");
        return CommandExit.Ok;
    }

    /// <summary>Where an interrupted run stands: the iteration it was in and the newest checkpoint it left.</summary>
    internal static string Stand(TrainOptions o, int lastReported)
    {
        var pointer = Path.Combine(o.Out, "checkpoint");
        long? step = null;
        try
        {
            step = Checkpoint.LoadLatest(pointer)?.Checkpoint.State.Step;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Said below: no usable checkpoint.
        }
        var during = $"stopped during iteration {Math.Max(lastReported + 2, (int)(step ?? 0) + 1)}/{o.Iterations}";
        return step is { } s
            ? $"{during}; the last checkpoint is iteration {s} ({Path.GetFullPath(pointer)})"
            : $"{during}; no checkpoint was written yet";
    }

    /// <summary>This invocation again with --resume (and without --force): the way to continue.</summary>
    internal static string ResumeCommand()
    {
        var args = Program.Arguments.Where(a => a != "--force").ToList();
        if (args.Count == 0) args.Add("train");
        if (!args.Contains("--resume")) args.Add("--resume");
        return "ript " + string.Join(' ', args.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) || a.Contains('\'') ? $"'{a.Replace("'", "'\\''")}'" : a));
    }
}
