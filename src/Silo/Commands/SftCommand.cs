using System.CommandLine;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript sft`: behaviour cloning on demo files (DESIGN §1 stages 1–2); options from a JSON config file, overridden by flags.</summary>
internal static class SftCommand
{
    private static readonly Option<string> ConfigOption = new("--config", "-c") { Description = "JSON config file (SftOptions, snake_case keys); RIPT_SFT_<KEY> variables override it, flags override both." };
    private static readonly Option<string> DemoDirOption = new("--demo-dir") { Description = "Directory of demo files (<task>.safetensors)." };
    private static readonly Option<string> SuiteOption = new("--suite", "-s") { Description = "Train on every task of this suite." };
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "Train on one task." };
    private static readonly Option<int?> DemosOption = new("--demos") { Description = "Demonstrations per task (1–50)." };
    private static readonly Option<PolicyKind?> PolicyOption = new("--policy") { Description = "tokenized or regression." };
    private static readonly Option<string[]> CamerasOption = new("--cameras") { Description = "Cameras the policy reads (default: state only).", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<int?> StepsOption = new("--steps") { Description = "Main-stage behaviour-cloning steps." };
    private static readonly Option<int?> AutoencoderStepsOption = new("--autoencoder-steps") { Description = "Tokenized: skill autoencoder steps." };
    private static readonly Option<int?> ScaleStepsOption = new("--scale-steps") { Description = "Regression: scale-head steps." };
    private static readonly Option<int?> BatchSizeOption = new("--batch-size") { Description = "Windows per step." };
    private static readonly Option<double?> LrOption = new("--lr") { Description = "AdamW learning rate." };
    private static readonly Option<int?> ChunkOption = new("--chunk-length") { Description = "Actions predicted per decision." };
    private static readonly Option<int?> ExecuteOption = new("--execute-steps") { Description = "Actions executed per decision." };
    private static readonly Option<int?> DModelOption = new("--d-model") { Description = "Model width." };
    private static readonly Option<int?> LayersOption = new("--layers") { Description = "Transformer blocks (tokenized) or residual trunk blocks (regression)." };
    private static readonly Option<double?> DropoutOption = new("--dropout") { Description = "Dropout while training." };
    private static readonly Option<int?> TokensPerChunkOption = new("--tokens-per-chunk") { Description = "Tokenized: skill tokens per action chunk." };
    private static readonly Option<string[]> StateFieldsOption = new("--state-fields")
    {
        Description = "State fields the policy reads: 'proprio' (no object poses), or field names (default: every field).", AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<int?> ImageShiftOption = new("--image-shift") { Description = "Image policies: random shift of training frames, in pixels (0: none)." };
    private static readonly Option<bool?> NormalizeActionsOption = new("--normalize-actions") { Description = "Normalise actions by the demos' mean and std (true/false)." };
    private static readonly Option<double?> TemperatureOption = new("--temperature") { Description = "Rollout sampling: token temperature or Laplace scale multiplier (saved with the policy)." };
    private static readonly Option<int?> TopKOption = new("--top-k") { Description = "Tokenized rollout sampling: the k most likely tokens only (0 = full softmax)." };
    private static readonly Option<double[]> LogScaleClipOption = new("--log-scale-clip") { Description = "Regression: clip lo hi of the scale head's log b (normalised units).", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<LrSchedule?> LrScheduleOption = new("--lr-schedule") { Description = "constant or cosine (after a 5% warm-up)." };
    private static readonly Option<int?> EvalEveryOption = new("--eval-every") { Description = "Steps between evaluations (0: only at the end)." };
    private static readonly Option<int?> EvalInitsOption = new("--eval-inits") { Description = "Evaluation contexts per task (0: none)." };
    private static readonly Option<int?> EvalThreadsOption = new("--eval-threads") { Description = "Evaluation threads." };
    private static readonly Option<int?> LogEveryOption = new("--log-every") { Description = "Steps between metrics lines." };
    private static readonly Option<string> InitFromOption = new("--init-from") { Description = "Start from this checkpoint (e.g. a pretraining run)." };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "Run directory (checkpoint/, metrics.jsonl, report.html)." };
    private static readonly Option<ulong?> SeedOption = new("--seed") { Description = "Seed of initialisation, windows and evaluation." };
    private static readonly Option<bool> ForceOption = new("--force") { Description = "Start over in an out directory that holds a run, moving the old one to OUT/.previous-<time>/." };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("sft", "Behaviour cloning (SFT) of a tokenized or regression policy on demonstrations.");
        foreach (var o in new Option[] { ConfigOption, DemoDirOption, SuiteOption, TaskOption, DemosOption, PolicyOption, CamerasOption, StepsOption,
                     AutoencoderStepsOption, ScaleStepsOption, BatchSizeOption, LrOption, ChunkOption, ExecuteOption, DModelOption, LayersOption, DropoutOption,
                     TokensPerChunkOption, StateFieldsOption, ImageShiftOption, NormalizeActionsOption, TemperatureOption, TopKOption, LogScaleClipOption, LrScheduleOption, EvalEveryOption,
                     EvalInitsOption, EvalThreadsOption, LogEveryOption, InitFromOption, OutOption, SeedOption, ForceOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            SftOptions options;
            try
            {
                var path = parse.GetValue(ConfigOption);
                options = SftOptions.Load(path, SftOptions.Environment());
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return CommandExit.Usage("sft", e.Message);
            }
            var selection = TaskSelection.OverConfig(parse.GetValue(TaskOption), parse.GetValue(SuiteOption), options.Task, options.Suite);
            options = options with
            {
                DemoDir = parse.GetValue(DemoDirOption) ?? options.DemoDir,
                Suite = selection.Suite,
                Task = selection.Task,
                Demos = parse.GetValue(DemosOption) ?? options.Demos,
                Policy = parse.GetValue(PolicyOption) ?? options.Policy,
                Cameras = parse.GetValue(CamerasOption) is { Length: > 0 } cams ? cams : options.Cameras,
                Steps = parse.GetValue(StepsOption) ?? options.Steps,
                AutoencoderSteps = parse.GetValue(AutoencoderStepsOption) ?? options.AutoencoderSteps,
                ScaleSteps = parse.GetValue(ScaleStepsOption) ?? options.ScaleSteps,
                BatchSize = parse.GetValue(BatchSizeOption) ?? options.BatchSize,
                Lr = parse.GetValue(LrOption) ?? options.Lr,
                ChunkLength = parse.GetValue(ChunkOption) ?? options.ChunkLength,
                ExecuteSteps = parse.GetValue(ExecuteOption) ?? options.ExecuteSteps,
                DModel = parse.GetValue(DModelOption) ?? options.DModel,
                Layers = parse.GetValue(LayersOption) ?? options.Layers,
                Dropout = parse.GetValue(DropoutOption) ?? options.Dropout,
                TokensPerChunk = parse.GetValue(TokensPerChunkOption) ?? options.TokensPerChunk,
                StateFields = parse.GetValue(StateFieldsOption) is { Length: > 0 } fields ? fields : options.StateFields,
                NormalizeActions = parse.GetValue(NormalizeActionsOption) ?? options.NormalizeActions,
                ImageShift = parse.GetValue(ImageShiftOption) ?? options.ImageShift,
                LrSchedule = parse.GetValue(LrScheduleOption) ?? options.LrSchedule,
                Temperature = parse.GetValue(TemperatureOption) ?? options.Temperature,
                TopK = parse.GetValue(TopKOption) ?? options.TopK,
                LogScaleClip = parse.GetValue(LogScaleClipOption) is { Length: > 0 } clip ? clip : options.LogScaleClip,
                EvalEvery = parse.GetValue(EvalEveryOption) ?? options.EvalEvery,
                EvalInits = parse.GetValue(EvalInitsOption) ?? options.EvalInits,
                EvalThreads = parse.GetValue(EvalThreadsOption) ?? options.EvalThreads,
                LogEvery = parse.GetValue(LogEveryOption) ?? options.LogEvery,
                InitFrom = parse.GetValue(InitFromOption) ?? options.InitFrom,
                Out = parse.GetValue(OutOption) ?? options.Out,
                Seed = parse.GetValue(SeedOption) ?? options.Seed,
                Force = parse.GetValue(ForceOption) || options.Force,
            };
            return Run(options, parse.GetValue(JsonOption));
        });
        return command;
    }

    internal static int Run(SftOptions options, bool json)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
            return CommandExit.Usage("sft", string.Join(Environment.NewLine + "sft: ", errors));
        SftResult result;
        try
        {
            result = ProgressBar.Run("sft steps", SftTrainer.TotalSteps(options), tick => SftTrainer.Run(options, tick));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return CommandExit.Failed("sft", e.Message);
        }
        if (json)
        {
            JsonOutput.Print(new
            {
                Checkpoint = result.CheckpointDirectory,
                Metrics = result.MetricsPath,
                Report = result.ReportPath,
                FirstLoss = result.FirstLoss,
                FinalLoss = result.FinalLoss,
                Suite = options.Suite ?? options.Task,
                Tasks = result.Evaluation.Select(s => new { Task = s.TaskId, s.SuccessRate, s.Episodes }),
                MeanSuccessRate = double.IsNaN(result.MeanSuccessRate) ? (double?)null : result.MeanSuccessRate,
                Seconds = result.Seconds,
                TrainingSeconds = result.TrainingSeconds,
                CpuSeconds = result.CpuSeconds,
            });
            return CommandExit.Ok;
        }
        foreach (var (stage, loss) in result.FinalLoss)
            Console.Out.WriteLine($"{stage}: loss {result.FirstLoss[stage]:G4} → {loss:G4}");
        foreach (var s in result.Evaluation)
            Console.Out.WriteLine($"{s.TaskId}: success {s.SuccessRate:P0} over {s.Episodes} episodes");
        if (result.Evaluation.Count > 0)
            Console.Out.WriteLine($"mean success rate {result.MeanSuccessRate:P1}");
        Console.Out.WriteLine($"checkpoint {result.CheckpointDirectory}, report {result.ReportPath} ({result.Seconds:F0} s: {result.TrainingSeconds:F0} s training; {result.CpuSeconds:F0} CPU s)");
        return CommandExit.Ok;
    }
}
