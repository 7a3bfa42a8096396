using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Reports;
using RiptOrleans.Learner.Runs;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Tasks;
using Serilog;

namespace RiptOrleans.Learner.Sft;

/// <summary>
/// Supervised stages of DESIGN §1 (pretraining / SFT) on demo files: each of the policy's stages in order
/// (tokenized: autoencoder then prior; regression: action head then scale head) with AdamW and gradient clipping on
/// random demo windows; metrics.jsonl, periodic and final evaluation, checkpoint/ and report.html in the run directory.
/// </summary>
public static class SftTrainer
{
    private static readonly ILogger Logger = Log.ForContext(typeof(SftTrainer));

    /// <summary>Optimiser steps the options ask for over every stage of its policy family.</summary>
    public static int TotalSteps(SftOptions o) => o.Policy == PolicyKind.Tokenized ? o.AutoencoderSteps + o.Steps : o.Steps + o.ScaleSteps;

    /// <summary>Runs SFT; onStep is called after every optimiser step (progress). Invalid options throw naming the field.</summary>
    public static SftResult Run(SftOptions options, Action? onStep = null, Action? onEvalEpisode = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors));
        // The output is checked (and owned) before any work, so a bad path fails in a second, not after training.
        using var runDirectory = RunDirectory.Claim(options.Out, options.Force ? RunStart.Force : RunStart.Fresh, "ript sft");
        var tasks = string.IsNullOrEmpty(options.Task) ? TaskRegistry.Suite(options.Suite!) : [TaskRegistry.Get(options.Task)];
        var data = DemoDataset.Load(options.DemoDir, tasks, options.Demos, options.Cameras, options.StateFields, options.NormalizesActions);
        var config = options.PolicyConfig(data.StateDim, data.ActionDim, data.ImageSize, data.StateFields);
        if (options.TorchThreads > 0) Torch.Torch.Threads = options.TorchThreads;
        Torch.Torch.ManualSeed(options.Seed);
        using var generator = new Generator(options.Seed);
        var random = new Random(unchecked((int)options.Seed));
        IPolicy policy;
        if (options.InitFrom is { } init)
        {
            policy = PolicyFactory.FromCheckpoint(init);
            var c = policy.Config;
            // a policy reading named fields takes any task's state (fields it lacks read as absent); a positional one needs room
            var stateFits = c.StateFields is not null || c.StateDim >= data.StateDim;
            if (c.ActionDim != data.ActionDim || !stateFits || !c.Cameras.SequenceEqual(options.Cameras) || (c.Cameras.Count > 0 && c.ImageSize != data.ImageSize))
            {
                policy.Dispose();
                throw new InvalidDataException($"sft.init_from {init}: its policy reads state {c.StateDim}, actions {c.ActionDim}, cameras [{string.Join(", ", c.Cameras)}] at {c.ImageSize}; " +
                    $"the demos have state {data.StateDim}, actions {data.ActionDim}, cameras [{string.Join(", ", options.Cameras)}] at {data.ImageSize}");
            }
            config = c;
            if (c.StateFields is not null)
            {
                var layout = new Encoders.StateLayout(c);
                foreach (var file in data.Files)
                    if (layout.Missing(file.ObservationFields) is { Count: > 0 } missing)
                        Logger.Information("{TaskId} lacks the pretrained policy's fields {Fields}: they read as absent", file.TaskId, missing);
                var unread = data.StateFields.Where(f => c.StateFields.All(p => p.Name != f.Name)).Select(f => f.Name).ToList();
                if (unread.Count > 0)
                    Logger.Warning("The pretrained policy does not read the demos' fields {Fields}", unread);
            }
        }
        else
            policy = PolicyFactory.Create(config, data.Inputs, generator);
        var staged = (ISupervisedStages)policy;
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var evaluating = TimeSpan.Zero;
        var metricsPath = Path.Combine(options.Out, "metrics.jsonl");
        var checkpointDir = Path.Combine(options.Out, "checkpoint");
        using var metrics = new MetricsLog(metricsPath);
        var first = new Dictionary<string, double>();
        var final = new Dictionary<string, double>();
        IReadOnlyList<TaskScore> scores = [];
        Logger.Information("SFT {Kind} on {Tasks}: {Demos} demos per task, {Episodes} episodes, {Steps} steps, {Params} parameters",
            config.Kind, string.Join(", ", tasks.Select(t => t.Id)), options.Demos, data.Episodes, data.Steps, ((Module)policy).ParameterCount());
        try
        {
            var mainStage = staged.Stages.Count > 1 && config.Kind == PolicyKind.Tokenized ? staged.Stages[1] : staged.Stages[0];
            foreach (var stage in staged.Stages)
            {
                var steps = stage switch
                {
                    TokenizedPolicy.AutoencoderStage => options.AutoencoderSteps,
                    RegressionPolicy.ScaleStage => options.ScaleSteps,
                    _ => options.Steps,
                };
                if (steps == 0) continue;
                staged.Stage = stage;
                policy.Train(true);
                var parameters = staged.StageParameters().ToList();
                using var optimizer = new Optim.AdamW(parameters, options.Lr, weightDecay: options.WeightDecay);
                double sum = 0;
                var count = 0;
                for (var step = 1; step <= steps; step++)
                {
                    optimizer.SetLr(LearningRate(options, step, steps));
                    double loss, norm;
                    using (var scope = TensorScope.Open())
                    {
                        optimizer.ZeroGrad();
                        var l = policy.BcLoss(data.Sample(options.BatchSize, random, config, options.ImageShift));
                        l.Backward();
                        norm = Optim.ClipGradNorm(parameters, options.GradClip);
                        optimizer.Step();
                        loss = l.Item();
                    }
                    if (!double.IsFinite(loss))
                        throw new InvalidOperationException($"SFT stage {stage} step {step}: the loss is {loss}; lower sft.lr ({options.Lr})");
                    sum += loss;
                    count++;
                    if (!first.ContainsKey(stage)) first[stage] = loss;
                    if (step % options.LogEvery == 0 || step == steps)
                    {
                        final[stage] = sum / count;
                        metrics.Append(new Dictionary<string, object?>
                        {
                            ["stage"] = stage, ["step"] = step, ["loss"] = sum / count, ["grad_norm"] = norm,
                            ["lr"] = optimizer.GetLr(), ["elapsed_s"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
                        });
                        sum = 0;
                        count = 0;
                    }
                    onStep?.Invoke();
                    if (stage == mainStage && options.EvalEvery > 0 && options.EvalInits > 0 && step % options.EvalEvery == 0 && step < steps)
                    {
                        var evalStart = clock.Elapsed;
                        Evaluate(policy, tasks, options, metrics, stage, step, onEvalEpisode);
                        evaluating += clock.Elapsed - evalStart;
                        policy.Train(true);
                    }
                }
                if (policy is RegressionPolicy regression && stage == RegressionPolicy.ScaleStage)
                {
                    var (scale, error, atFloor) = regression.ScaleCalibration(data.Sample(Math.Max(256, options.BatchSize), random, config));
                    Logger.Information("Laplace scale b {Scale:F3} vs |a − μ| {Error:F3} (normalised units), {AtFloor:P0} of entries at the clip floor", scale, error, atFloor);
                    metrics.Append(new Dictionary<string, object?>
                    {
                        ["stage"] = stage, ["step"] = steps, ["scale/mean_b"] = scale, ["scale/mean_abs_error"] = error, ["scale/at_floor"] = atFloor,
                    });
                }
                if (policy is TokenizedPolicy tokenized && stage == TokenizedPolicy.PriorStage)
                {
                    var (accuracy, top1, target, greedyChunk) = tokenized.PriorCalibration(data.Sample(Math.Max(256, options.BatchSize), random, config));
                    Logger.Information("Prior on demo windows: argmax = demo token {Accuracy:P0}, mean p(argmax) {Top1:F2}, mean p(demo token) {Target:F2}; " +
                        "a rollout (temperature {Temperature}, top-k {TopK}) draws the greedy chunk with mean p {GreedyChunk:F2}",
                        accuracy, top1, target, config.Temperature, config.TopK, greedyChunk);
                    metrics.Append(new Dictionary<string, object?>
                    {
                        ["stage"] = stage, ["step"] = steps, ["prior/accuracy"] = accuracy, ["prior/mean_top1"] = top1, ["prior/mean_target"] = target,
                        ["prior/greedy_chunk"] = greedyChunk,
                    });
                }
                SaveCheckpoint(policy, config, options, checkpointDir, stage, steps, optimizer, generator);
            }
            var trainingSeconds = (clock.Elapsed - evaluating).TotalSeconds;
            Logger.Information("SFT stages took {Seconds:F0} s", trainingSeconds);
            if (options.EvalInits > 0)
                scores = Evaluate(policy, tasks, options, metrics, "final", TotalSteps(options), onEvalEpisode);
            var reportPath = Path.Combine(options.Out, "report.html");
            TrainingReport.Write(reportPath, $"SFT {config.Kind} on {options.Task ?? options.Suite} ({options.Demos} demos per task)", new Dictionary<string, string>
            {
                ["tasks"] = string.Join(", ", tasks.Select(t => t.Id)),
                ["demos per task"] = options.Demos.ToString(CultureInfo.InvariantCulture),
                ["episodes / steps"] = $"{data.Episodes} / {data.Steps}",
                ["policy"] = PolicyConfigJson.Serialize(config).Replace("\n", " "),
                ["parameters"] = ((Module)policy).ParameterCount().ToString(CultureInfo.InvariantCulture),
                ["options"] = JsonSerializer.Serialize(options, SftOptions.Json).Replace("\n", " "),
                ["final success rate"] = scores.Count == 0 ? "not evaluated" : string.Join(", ", scores.Select(s => $"{s.TaskId} {s.SuccessRate:P0}")),
                ["seconds"] = clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                ["training seconds"] = trainingSeconds.ToString("F1", CultureInfo.InvariantCulture),
            }, metrics.Lines);
            return new SftResult(checkpointDir, metricsPath, reportPath, first, final, scores, clock.Elapsed.TotalSeconds)
            {
                TrainingSeconds = trainingSeconds,
                CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds,
            };
        }
        finally
        {
            policy.Dispose();
        }
    }

    /// <summary>The rate at step (1-based) of a stage of steps: linear warm-up over its first 5%, then constant or cosine down to 1%.</summary>
    public static double LearningRate(SftOptions options, int step, int steps)
    {
        var warmup = Math.Max(1.0, 0.05 * steps);
        if (step <= warmup) return options.Lr * step / warmup;
        if (options.LrSchedule == LrSchedule.Constant) return options.Lr;
        var progress = Math.Min(1.0, (step - warmup) / Math.Max(1.0, steps - warmup));
        return options.Lr * (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    private static IReadOnlyList<TaskScore> Evaluate(IPolicy policy, IReadOnlyList<TaskSpec> tasks, SftOptions options, MetricsLog metrics, string stage, int step, Action? onEpisode)
    {
        policy.Train(false);
        var scores = PolicyEvaluation.Run(policy, tasks, new EvaluationOptions(options.EvalInits, options.EvalThreads, Seed: options.Seed), onEpisode);
        var line = new Dictionary<string, object?> { ["stage"] = stage, ["step"] = step, ["eval/success_rate"] = scores.Average(s => s.SuccessRate) };
        foreach (var s in scores) line[$"eval/{s.TaskId}"] = s.SuccessRate;
        metrics.Append(line);
        return scores;
    }

    private static void SaveCheckpoint(IPolicy policy, PolicyConfig config, SftOptions options, string dir, string stage, int step, Optim.AdamW optimizer, Generator generator)
    {
        var training = JsonSerializer.SerializeToNode(options, SftOptions.Json);
        new Checkpoint(config, training, policy.ExportWeights(0), optimizer.StateToBytes(), new CheckpointState
        {
            Stage = stage,
            Step = step,
            Version = 0,
            Rng = Convert.ToBase64String(generator.GetState()),
            Extra = { ["trainer"] = "sft" },
        }).Save(dir);
    }
}
