using System.Diagnostics;
using System.Globalization;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.IreVla;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using Serilog;

namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// One cell end to end: expert demos → pretraining SFT on the source (pairs) → SFT on the target's few demos, or
/// multitask SFT of a suite → RIPT from the demos' initial states (started through the host's RiptRunStarter) →
/// greedy evaluation on the held-out contexts before, during and after. Deterministic given the cell's seed.
/// </summary>
public static class CellPipeline
{
    private static readonly ILogger Logger = Log.ForContext(typeof(CellPipeline));

    /// <summary>Expert action noise of the demonstrations (the quickstart's; LIBERO's OSC tolerates little).</summary>
    public const double DemoNoise = 0.05;

    public static async Task<CellResult> RunAsync(ExperimentCell cell, CellSettings settings, CellPaths paths, RiptRunStarter starter, CellHooks hooks,
        CancellationToken ct)
    {
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors));
        var recipe = FamilyRecipe.For(cell.Family);
        var family = ExperimentCell.FamilyName(cell.Family);
        var seconds = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        var unit = cell.Unit;
        var targets = unit.TargetTaskIds.Select(TaskRegistry.Get).ToList();

        // 1. Expert demonstrations: the target's (or every suite task's) few demos, and a pair's source demos.
        var clock = Stopwatch.StartNew();
        hooks.Say($"demonstrations: {cell.Demos} per task of {unit.Name}" + (unit.Pair is { } pr ? $", {settings.PretrainDemos} of the source {pr.Source}" : ""));
        Demos(paths.TargetDemos, targets, cell.Demos, cell.FirstDemoContext, hooks);
        if (unit.Pair is { } pair)
            Demos(paths.SourceDemos, [TaskRegistry.Get(pair.Source)], settings.PretrainDemos, cell.FirstDemoContext, hooks);
        seconds["demos"] = clock.Elapsed.TotalSeconds;

        // 2–3. SFT: pretrain on the source and adapt to the target, or multitask on the suite.
        string sftCheckpoint;
        clock.Restart();
        var sftKey = Key("sft", family, unit.Name, cell.Seed, cell.Demos, settings.PretrainDemos, settings.SftStepCap);
        if (paths.SharedSft && StepMarker.Has(paths.Sft, sftKey))
        {
            hooks.Say($"SFT: reusing {paths.Sft} (the same checkpoint for every variant)");
            sftCheckpoint = Path.Combine(paths.Sft, "checkpoint");
        }
        else if (unit.Pair is { } p)
        {
            var pretrainKey = Key("pretrain", family, p.Source, cell.Seed, settings.PretrainDemos, settings.SftStepCap);
            if (!StepMarker.Has(paths.Pretrain, pretrainKey))
            {
                hooks.Say($"pretraining a {family} policy on {settings.PretrainDemos} demos of {p.Source}");
                StepMarker.Clear(paths.Pretrain);
                hooks.RunSft(recipe.Pretrain(paths.SourceDemos, p.Source, settings.PretrainDemos, paths.Pretrain, (ulong)cell.Seed, settings.SftStepCap));
                StepMarker.Set(paths.Pretrain, pretrainKey);
                seconds["pretrain"] = clock.Elapsed.TotalSeconds;
            }
            else
            {
                hooks.Say($"pretraining: reusing {paths.Pretrain}");
                seconds["pretrain"] = 0;
            }
            clock.Restart();
            hooks.Say($"SFT on {cell.Demos} demo(s) of {p.Target}, from the pretrained weights");
            StepMarker.Clear(paths.Sft);
            sftCheckpoint = hooks.RunSft(recipe.Adapt(paths.TargetDemos, p.Target, cell.Demos, Path.Combine(paths.Pretrain, "checkpoint"), paths.Sft,
                (ulong)cell.Seed, settings.SftStepCap)).CheckpointDirectory;
        }
        else
        {
            hooks.Say($"multitask SFT of a {family} policy on {cell.Demos} demo(s) per task of {unit.Suite}");
            StepMarker.Clear(paths.Sft);
            sftCheckpoint = hooks.RunSft(recipe.Multitask(paths.TargetDemos, unit.Suite!, cell.Demos, paths.Sft, (ulong)cell.Seed, settings.SftStepCap)).CheckpointDirectory;
        }
        if (paths.SharedSft) StepMarker.Set(paths.Sft, sftKey);
        seconds["sft"] = clock.Elapsed.TotalSeconds;

        // 4. RIPT from the demos' initial states, through the host's one way of starting a run.
        clock.Restart();
        var run = RunOptions(cell, settings, recipe, paths, sftCheckpoint, targets.Count);
        hooks.Say($"{run.Algorithm}: {settings.Iterations} iterations{(run.SimStepBudget > 0 ? $" or {run.SimStepBudget} env steps" : "")}, K={run.Ript.K}, {run.Ript.BatchSize} trajectories per iteration, variant {cell.Variant.Name}");
        RunResult? result = null;
        string? stopReason = null;
        try
        {
            result = await starter(run, hooks.OnIteration, null, ct);
            if (result.EndedEarly is { } ended) hooks.Say($"RIPT {ended}");
        }
        catch (RunFailedException e) when (e.Failure == RunFailure.Rejection)
        {
            stopReason = e.Message;
            hooks.Say($"RIPT stopped: {e.Message}");
            Logger.Warning("Cell {Cell}: RIPT stopped: {Reason}", cell.Id, e.Message);
        }
        seconds["ript"] = clock.Elapsed.TotalSeconds;

        var lines = RiptMetricsLine.ReadAll(run.MetricsPath);
        // A stopped run, or one whose learner was restarted mid-way (it resumed from a checkpoint without a before-score),
        // is scored here the same way: the SFT weights, and the last RIPT checkpoint if an iteration finished.
        IReadOnlyList<TaskScore> before = result is { Before.Length: > 0 } ? result.Before : Evaluate(sftCheckpoint, targets, settings);
        IReadOnlyList<TaskScore> after = result is not null ? result.After
            : Directory.Exists(run.CheckpointDirectory) ? Evaluate(run.CheckpointDirectory, targets, settings) : before;
        double? sampledBefore = null, sampledAfter = null;
        if (recipe.SampledEvaluation)
        {
            hooks.Say("evaluation with sampled actions (the rollout policy) of the SFT and RIPT weights");
            sampledBefore = Evaluate(sftCheckpoint, targets, settings, ActMode.Sample, recipe).Average(s => s.SuccessRate);
            sampledAfter = Directory.Exists(run.CheckpointDirectory)
                ? Evaluate(run.CheckpointDirectory, targets, settings, ActMode.Sample, recipe).Average(s => s.SuccessRate)
                : sampledBefore;
        }
        seconds["total"] = total.Elapsed.TotalSeconds;

        var evalCurve = new List<CurvePoint> { new(0, before.Average(s => s.SuccessRate)) };
        evalCurve.AddRange(lines.Where(l => l.EvalSuccessRate is not null).Select(l => new CurvePoint(l.Iteration + 1, l.EvalSuccessRate!.Value)));
        var budgetCurve = new List<BudgetPoint> { new(0, 0, before.Average(s => s.SuccessRate)) };
        long stepsSoFar = 0;
        double secondsSoFar = 0;
        foreach (var l in lines)
        {
            stepsSoFar += l.SimSteps;
            secondsSoFar += l.RolloutSeconds + l.LearnerSeconds;
            if (l.EvalSuccessRate is { } sr) budgetCurve.Add(new BudgetPoint(stepsSoFar, Math.Round(secondsSoFar, 1), sr));
        }
        var rolloutSeconds = lines.Sum(l => l.RolloutSeconds);
        var rollouts = (long)Math.Round(lines.Sum(l => l.RolloutsPerSecond * l.RolloutSeconds));
        return new CellResult
        {
            Experiment = cell.Experiment, Cell = cell.Id, Unit = unit.Name, Source = unit.Pair?.Source, Target = unit.Pair?.Target, Suite = unit.Suite,
            Family = family, Demos = cell.Demos, Seed = cell.Seed, Variant = cell.Variant.Name,
            Status = stopReason is null ? CellResult.Finished : CellResult.Stopped, StopReason = stopReason,
            SuccessBefore = before.Average(s => s.SuccessRate), SuccessAfter = after.Average(s => s.SuccessRate),
            SampledBefore = sampledBefore, SampledAfter = sampledAfter,
            Tasks = after.Select(a => new TaskOutcome(a.TaskId, before.FirstOrDefault(b => b.TaskId == a.TaskId)?.SuccessRate ?? double.NaN, a.SuccessRate, a.Episodes)).ToList(),
            EvalCurve = evalCurve,
            RolloutCurve = lines.Select(l => new CurvePoint(l.Iteration + 1, l.RolloutSuccessRate)).ToList(),
            BudgetCurve = budgetCurve,
            Algorithm = run.Algorithm,
            SimSteps = stepsSoFar,
            IterationsRun = lines.Count,
            Rollouts = rollouts,
            SecondsPerIteration = lines.Count == 0 ? 0 : lines.Average(l => l.RolloutSeconds + l.LearnerSeconds),
            RolloutsPerSecond = rolloutSeconds > 0 ? rollouts / rolloutSeconds : 0,
            Seconds = seconds.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 1)),
        };
    }

    /// <summary>The RIPT run of a cell: the family's update with the cell's K, batch and variant, contexts from the cell's demos.</summary>
    public static RiptRunOptions RunOptions(ExperimentCell cell, CellSettings settings, FamilyRecipe recipe, CellPaths paths, string sftCheckpoint, int tasks)
    {
        var k = settings.K ?? recipe.Ript.K;
        var batch = settings.BatchSize ?? (cell.Unit.IsPair ? recipe.Ript.BatchSize / recipe.Ript.K * k : k * Math.Max(4, tasks));
        var ript = recipe.Ript with
        {
            K = k,
            BatchSize = batch,
            MinibatchSize = Math.Min(recipe.Ript.MinibatchSize, batch),
            DynamicRejection = cell.Variant.DynamicRejection,
        };
        return new RiptRunOptions(paths.Ript, cell.Unit.TargetTaskIds.ToArray(), sftCheckpoint, ript, settings.Iterations)
        {
            DemoDirectory = paths.TargetDemos,
            ContextsPerTask = cell.Demos,
            ContextNoise = cell.Variant.ContextNoise,
            Seed = cell.Seed,
            EvalInits = settings.EvalInits,
            EvalEvery = settings.EvalEvery >= settings.Iterations ? 0 : settings.EvalEvery,
            Workers = settings.Workers,
            Temperature = recipe.Temperature,
            TopK = recipe.TopK,
            SimStepBudget = settings.SimStepBudget ?? 0,
            // D_e is exactly the demo set the cell's SFT learned from (the target's demos), replayed unless the variant ablates it.
            IreVla = cell.Variant.IreVla ? new IreVlaOptions { DemoReplay = cell.Variant.DemoReplay, SlDemoDir = paths.TargetDemos, SlDemos = cell.Demos } : null,
            RiptRl = cell.Variant.IreVla && cell.Variant.RiptRl,
        };
    }

    /// <summary>Records <paramref name="count"/> expert demos per task into <paramref name="directory"/>, unless the same ones are there.</summary>
    private static void Demos(string directory, IReadOnlyList<TaskSpec> tasks, int count, int firstContext, CellHooks hooks)
    {
        var key = Key("demos", string.Join(",", tasks.Select(t => t.Id)), count, firstContext, DemoNoise);
        if (StepMarker.Has(directory, key)) return;
        StepMarker.Clear(directory);
        foreach (var task in tasks)
            DemoGenerator.Generate(task, new DemoGenerator.Options(count, Noise: DemoNoise, FirstContext: firstContext), _ => hooks.OnDemo?.Invoke())
                .Save(Path.Combine(directory, $"{task.Name}.safetensors"));
        StepMarker.Set(directory, key);
    }

    /// <summary>SR of a checkpoint on the held-out contexts: greedy, or sampled with the recipe's rollout temperature and top-k (as RIPT samples).</summary>
    private static IReadOnlyList<TaskScore> Evaluate(string checkpoint, IReadOnlyList<TaskSpec> tasks, CellSettings settings, ActMode mode = ActMode.Greedy,
        FamilyRecipe? recipe = null)
    {
        var loaded = Checkpoint.Load(checkpoint);
        var config = loaded.Policy with
        {
            Temperature = recipe?.Temperature ?? loaded.Policy.Temperature,
            TopK = recipe?.TopK ?? loaded.Policy.TopK,
        };
        using var policy = PolicyFactory.FromWeights(loaded.Weights, config);
        policy.Train(false);
        return PolicyEvaluation.Run(policy, tasks, new EvaluationOptions(settings.EvalInits, settings.Workers, Mode: mode));
    }

    private static string Key(params object?[] parts) => string.Join("|", parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture) ?? "-"));
}
