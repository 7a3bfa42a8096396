using System.Text.Json;
using System.Text.Json.Nodes;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Reports;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Runs;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Data;
using RiptOrleans.Physics.Tasks;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>How a run ended: success rates per task before and after, and every iteration's report.</summary>
public sealed record RiptRunResult(IReadOnlyList<TaskScore> Before, IReadOnlyList<TaskScore> After, IReadOnlyList<IterationReport> Iterations,
    int StartIteration, double RolloutSeconds, double LearnerSeconds);

/// <summary>
/// A stage-3 run end to end: contexts from demo init states, the policy from the SFT checkpoint (or the run's own
/// checkpoint on resume), then per iteration the learner grain's collect-and-update, a metrics line, a checkpoint and
/// the report, with scheduled evaluations. Deterministic for a seed: a resumed run continues the same stream.
/// </summary>
public static class RiptRun
{
    private static readonly ILogger Logger = Log.ForContext(typeof(RiptRun));

    public const string Stage = "ript";

    /// <param name="host">Starts a silo over the run's grain services (in-process or a cluster's front end).</param>
    /// <param name="onIteration">Called after each iteration (progress display).</param>
    public static async Task<RiptRunResult> RunAsync(RiptRunOptions o, Func<GrainServices, IGrainFactory> host, Action<IterationReport>? onIteration,
        Action<GroupResult, bool>? onGroup, CancellationToken ct)
    {
        o.Ript.Validate();
        if (o.Iterations < 1) throw new ArgumentException($"train.iterations must be ≥ 1, got {o.Iterations}");
        var specs = o.TaskIds.Select(TaskRegistry.Get).ToList();
        using var runDirectory = RunDirectory.Claim(o.OutDirectory, o.Resume ? RunStart.Resume : o.Force ? RunStart.Force : RunStart.Fresh, "ript train");
        // Resume continues the newest intact checkpoint; with none left it stops rather than silently starting over.
        var latest = o.Resume ? Checkpoint.LoadLatest(o.CheckpointDirectory) : null;
        if (o.Resume && latest is null)
        {
            if (MetricsLog.ReadLines(o.MetricsPath).Count > 0)
                throw new InvalidDataException($"{o.OutDirectory}: metrics.jsonl records iterations but no checkpoint is left to resume from; start over with --force");
            if (string.IsNullOrEmpty(o.StartCheckpoint))
                throw new InvalidDataException($"{o.OutDirectory} holds no run to resume, and no train.checkpoint was given to start one");
            Logger.Information("Run directory {Path} holds no run to resume: starting one", o.OutDirectory);
        }
        var resuming = latest is not null;
        var checkpoint = latest?.Checkpoint ?? Checkpoint.Load(o.StartCheckpoint);
        if (resuming && checkpoint.State.Stage != Stage)
            throw new InvalidDataException($"{o.CheckpointDirectory}: a {checkpoint.State.Stage} checkpoint, not a {Stage} run's");
        var config = checkpoint.Policy with
        {
            Temperature = o.Temperature ?? checkpoint.Policy.Temperature,
            TopK = o.TopK ?? checkpoint.Policy.TopK,
        };
        var start = resuming ? (int)checkpoint.State.Step : 0;
        var version = resuming ? checkpoint.State.Version : 0;
        if (start >= o.Iterations)
            throw new InvalidOperationException($"{o.CheckpointDirectory} already holds iteration {start} of {o.Iterations}; raise train.iterations to go on");

        using var models = new TaskModelCache();
        var contexts = BuildContexts(o, specs, models);
        var weights = checkpoint.Weights;
        using var policy = PolicyFactory.FromWeights(weights, config);
        using var optimizer = RiptUpdate.CreateOptimizer(policy, o.Ript);
        if (resuming && checkpoint.Optimizer is { } state)
            optimizer.LoadStateFromBytes(state);

        var services = new GrainServices(contexts, models, new WeightsStore(), () => PolicyFactory.FromWeights(weights, config), "local");
        var grains = host(services);
        var runId = Path.GetFileName(Path.GetFullPath(o.OutDirectory));
        var registry = grains.GetGrain<IGrainRegistry>(runId);
        var scheduler = new RolloutScheduler(grains, contexts, runId, o.Seed, o.Workers) { SkipSolvedForIterations = o.SkipSolvedIterations };
        var learner = new LearnerGrain(policy, optimizer, scheduler, registry, services, o.Ript, o.Seed, version) { OnGroup = onGroup };
        Directory.CreateDirectory(o.OutDirectory);
        MetricsLog.KeepLines(o.MetricsPath, line => RiptMetricsLine.Parse(line).Iteration < start);
        using var log = new MetricsLog(o.MetricsPath, append: resuming);

        IReadOnlyList<TaskScore> before = [];
        if (o.EvalInits > 0 && !resuming)
            before = Evaluate(policy, specs, o);
        var reports = new List<IterationReport>();
        IReadOnlyList<TaskScore> after = before;
        for (var it = start; it < o.Iterations; it++)
        {
            var report = await learner.RunIterationAsync(it, ct);
            reports.Add(report);
            var last = it == o.Iterations - 1;
            double? eval = null;
            if (o.EvalInits > 0 && (last || (o.EvalEvery > 0 && (it + 1) % o.EvalEvery == 0)))
            {
                after = Evaluate(policy, specs, o);
                eval = after.Average(s => s.SuccessRate);
            }
            log.Append(Line(report, o.Ript.LearningRate, eval).ToJson());
            new Checkpoint(config, Training(o), policy.ExportWeights(learner.Version), optimizer.StateToBytes(), new CheckpointState
            {
                Stage = Stage,
                Step = it + 1,
                Version = learner.Version,
                Custom = JsonSerializer.SerializeToNode(await registry.GetContextsAsync(null, ct)),
            }).Save(o.CheckpointDirectory);
            RiptReport.Write(o.ReportPath, runId, RiptMetricsLine.ReadAll(o.MetricsPath), before, after);
            onIteration?.Invoke(report);
        }
        return new RiptRunResult(before, after, reports, start, reports.Sum(r => r.RolloutSeconds), reports.Sum(r => r.LearnerSeconds));
    }

    private static ContextCatalog BuildContexts(RiptRunOptions o, IReadOnlyList<TaskSpec> specs, TaskModelCache models)
    {
        var catalog = new ContextCatalog();
        foreach (var spec in specs)
        {
            if (o.DemoDirectory is null)
            {
                catalog.AddTrainingPool(models.Get(spec.Id), o.ContextsPerTask);
                continue;
            }
            var path = Path.Combine(o.DemoDirectory, $"{spec.Name}.safetensors");
            var demos = DemoFile.Load(path);
            if (demos.TaskId != spec.Id)
                throw new InvalidDataException($"{path} holds demonstrations of {demos.TaskId}, not {spec.Id}");
            catalog.Add(spec, demos.Episodes.Take(o.ContextsPerTask).Select(e => e.InitState));
        }
        if (o.ContextNoise > 0)
            catalog = catalog.Perturbed(o.ContextNoise, o.Seed, id => models.Get(ContextCatalog.TaskIdOf(id)));
        Logger.Information("Context set: {Count} contexts over {Tasks} tasks", catalog.Ids.Count, specs.Count);
        return catalog;
    }

    private static IReadOnlyList<TaskScore> Evaluate(IPolicy policy, IReadOnlyList<TaskSpec> specs, RiptRunOptions o)
    {
        policy.Train(false);
        return PolicyEvaluation.Run(policy, specs, new EvaluationOptions(o.EvalInits, o.Workers));
    }

    private static RiptMetricsLine Line(IterationReport r, double lr, double? eval) => new()
    {
        Iteration = r.Iteration,
        PolicyVersion = r.PolicyVersion,
        LearningRate = lr,
        RolloutSuccessRate = r.RolloutSuccessRate,
        ContextsTried = r.ContextsTried,
        Accepted = r.Accepted,
        RejectedAllSuccess = r.RejectedAllSuccess,
        RejectedAllFail = r.RejectedAllFail,
        Late = r.LateResults,
        EntropyEstimate = r.EntropyEstimate,
        PolicyLoss = r.Update.PolicyLoss,
        ApproxKl = r.Update.ApproxKl,
        OldApproxKl = r.Update.OldApproxKl,
        ClipFraction = r.Update.ClipFraction,
        RatioMax = r.Update.RatioMax,
        GradNorm = r.Update.GradNorm,
        OldLogProbGap = r.Update.OldLogProbGap,
        RolloutsPerSecond = r.Rollouts / Math.Max(1e-9, r.RolloutSeconds),
        SimStepsPerSecond = r.SimSteps / Math.Max(1e-9, r.RolloutSeconds),
        RolloutSeconds = r.RolloutSeconds,
        LearnerSeconds = r.LearnerSeconds,
        EvalSuccessRate = eval,
    };

    private static JsonNode Training(RiptRunOptions o) => JsonSerializer.SerializeToNode(new
    {
        stage = Stage,
        tasks = o.TaskIds,
        o.Iterations,
        o.Seed,
        o.Workers,
        o.ContextsPerTask,
        o.ContextNoise,
        o.SkipSolvedIterations,
        o.DemoDirectory,
        o.EvalEvery,
        o.EvalInits,
        ript = o.Ript,
    })!;
}
