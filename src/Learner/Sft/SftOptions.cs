using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Sft;

/// <summary>
/// One SFT run (`ript sft`): which demonstrations, which policy, how long. JSON keys are the snake_case property names
/// (`{"demos": 5, "policy": "tokenized"}`); `ript sft` flags override them; <see cref="Validate"/> names the field.
/// </summary>
public sealed record SftOptions
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Directory of demo files (&lt;task name&gt;.safetensors, from `ript demos`).</summary>
    public string DemoDir { get; init; } = "demos";

    /// <summary>Train on every task of this suite (multitask)…</summary>
    public string? Suite { get; init; }

    /// <summary>…or on one task.</summary>
    public string? Task { get; init; }

    /// <summary>Demonstrations per task, the first N of each file (the paper: 1 to 50).</summary>
    public int Demos { get; init; } = 50;

    /// <summary>Policy family: tokenized (QueST-like) or regression (OFT-like).</summary>
    public PolicyKind Policy { get; init; } = PolicyKind.Tokenized;

    /// <summary>Cameras the policy reads (empty: state only); the demos must hold their frames.</summary>
    public IReadOnlyList<string> Cameras { get; init; } = [];

    /// <summary>
    /// State fields the policy reads: empty for every field of the demos (object poses included), ["proprio"] for the
    /// robot's proprioception only (an image policy that must not read object poses), or field names.
    /// </summary>
    public IReadOnlyList<string> StateFields { get; init; } = [];

    /// <summary>Image policies: training frames are shifted by up to ±this many pixels (random-shift augmentation; 0: none).</summary>
    public int ImageShift { get; init; } = 4;

    /// <summary>
    /// Normalise actions by the demos' per-entry mean and std (heads predict normalised actions); unset: the family's
    /// default (<see cref="NormalizesActions"/>).
    /// </summary>
    public bool? NormalizeActions { get; init; }

    /// <summary>
    /// Whether this run normalises actions: as asked, else yes for the regression family (its L1 loss and Laplace scales
    /// then weigh every entry alike) and no for the tokenized family, whose skill autoencoder would spend its few codes on
    /// the demos' injected noise where an entry barely moves (an entry with std 0.05 of pure noise becomes unit-variance
    /// noise; measured: 1-demo SFT on the quickstart pair 0% with normalised, 32% with raw actions).
    /// </summary>
    [JsonIgnore]
    public bool NormalizesActions => NormalizeActions ?? Policy == PolicyKind.Regression;

    /// <summary>Actions predicted per decision.</summary>
    public int ChunkLength { get; init; } = 8;

    /// <summary>Actions executed per decision before re-planning.</summary>
    public int ExecuteSteps { get; init; } = 4;

    /// <summary>Width of the encoders and transformer.</summary>
    public int DModel { get; init; } = 64;

    /// <summary>Transformer blocks (tokenized) or trunk layers (regression).</summary>
    public int Layers { get; init; } = 2;

    public int Heads { get; init; } = 4;

    /// <summary>Tokenized: tokens per chunk.</summary>
    public int TokensPerChunk { get; init; } = 4;

    /// <summary>Tokenized: FSQ levels per latent entry (vocabulary = product).</summary>
    public IReadOnlyList<int> FsqLevels { get; init; } = [8, 5, 5, 5];

    public double Dropout { get; init; } = 0.1;

    /// <summary>Rollout sampling: token temperature (tokenized) or Laplace scale multiplier (regression); unset: the family's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>Tokenized rollout sampling: tokens from the k most likely only (0 = full softmax); unset: the family's default.</summary>
    public int? TopK { get; init; }

    /// <summary>Regression: clip [lo, hi] of the scale head's log b in normalised action units; unset: the family's default.</summary>
    public IReadOnlyList<double>? LogScaleClip { get; init; }

    /// <summary>Tokenized stage 1: skill autoencoder steps.</summary>
    public int AutoencoderSteps { get; init; } = 1000;

    /// <summary>Behaviour-cloning steps of the main stage (tokenized prior, regression action head).</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Regression stage 2: Laplace scale head steps with the action head frozen (paper: 500).</summary>
    public int ScaleSteps { get; init; } = 300;

    public int BatchSize { get; init; } = 64;

    public double Lr { get; init; } = 1e-3;

    /// <summary>Learning-rate schedule of each stage after a 5% linear warm-up: constant, or cosine decay to 1% of lr.</summary>
    public LrSchedule LrSchedule { get; init; } = LrSchedule.Cosine;

    public double WeightDecay { get; init; } = 1e-4;

    public double GradClip { get; init; } = 1.0;

    /// <summary>Optimiser steps between metrics lines.</summary>
    public int LogEvery { get; init; } = 50;

    /// <summary>Main-stage steps between evaluations (0: evaluate only at the end).</summary>
    public int EvalEvery { get; init; }

    /// <summary>Evaluation contexts per task at each evaluation (0: no evaluation).</summary>
    public int EvalInits { get; init; } = 10;

    /// <summary>Evaluation worker threads.</summary>
    public int EvalThreads { get; init; } = 2;

    /// <summary>libtorch intra-op threads for training (0: leave libtorch's default).</summary>
    public int TorchThreads { get; init; }

    /// <summary>
    /// Start from this checkpoint's weights (stage 2 after a stage-1 pretraining run): its architecture, vocabulary and
    /// state statistics are kept (new instruction words map to &lt;unk&gt;); set autoencoder_steps 0 to keep its skills.
    /// </summary>
    public string? InitFrom { get; init; }

    /// <summary>Run directory: checkpoint/, metrics.jsonl, report.html.</summary>
    public string Out { get; init; } = "runs/sft";

    /// <summary>Start over in an out directory that holds a run, moving the old one to OUT/.previous-&lt;time&gt;/ (without it, such a directory is refused).</summary>
    public bool Force { get; init; }

    public ulong Seed { get; init; } = 1;

    /// <summary>Every invalid field as "sft.field must be …, got …" (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string field, object? value, string rule)
        {
            if (!ok) errors.Add($"sft.{field} must be {rule}, got {value ?? "nothing"}");
        }
        Check(!string.IsNullOrWhiteSpace(DemoDir), "demo_dir", DemoDir, "a directory");
        Check(string.IsNullOrEmpty(Suite) != string.IsNullOrEmpty(Task), "task", $"suite={Suite ?? "-"} task={Task ?? "-"}", "given, or sft.suite (exactly one of them)");
        Check(Demos >= 1, "demos", Demos, "≥ 1");
        Check(ChunkLength >= 1, "chunk_length", ChunkLength, "≥ 1");
        Check(ImageShift >= 0, "image_shift", ImageShift, "≥ 0");
        Check(ExecuteSteps >= 1 && ExecuteSteps <= ChunkLength, "execute_steps", ExecuteSteps, $"in [1, chunk_length = {ChunkLength}]");
        Check(DModel >= 8, "d_model", DModel, "≥ 8");
        Check(Layers >= 1, "layers", Layers, "≥ 1");
        Check(Heads >= 1 && DModel % Math.Max(1, Heads) == 0, "heads", Heads, $"≥ 1 and divide d_model = {DModel}");
        Check(TokensPerChunk >= 1, "tokens_per_chunk", TokensPerChunk, "≥ 1");
        Check(FsqLevels.Count >= 1 && FsqLevels.All(l => l >= 2), "fsq_levels", $"[{string.Join(", ", FsqLevels)}]", "non-empty with every level ≥ 2");
        Check(Dropout is >= 0 and < 1, "dropout", Dropout, "in [0, 1)");
        Check(Temperature is null or > 0, "temperature", Temperature, "> 0");
        Check(TopK is null or >= 0, "top_k", TopK, "≥ 0 (0 = full softmax)");
        Check(LogScaleClip is null || LogScaleClip is [var lo, var hi] && lo < hi, "log_scale_clip",
            LogScaleClip is null ? null : $"[{string.Join(", ", LogScaleClip)}]", "[lo, hi] with lo < hi");
        Check(AutoencoderSteps >= 0, "autoencoder_steps", AutoencoderSteps, "≥ 0");
        Check(Steps >= 1, "steps", Steps, "≥ 1");
        Check(ScaleSteps >= 0, "scale_steps", ScaleSteps, "≥ 0");
        Check(BatchSize >= 1, "batch_size", BatchSize, "≥ 1");
        Check(Lr > 0 && double.IsFinite(Lr), "lr", Lr, "> 0");
        Check(WeightDecay >= 0, "weight_decay", WeightDecay, "≥ 0");
        Check(GradClip > 0, "grad_clip", GradClip, "> 0");
        Check(LogEvery >= 1, "log_every", LogEvery, "≥ 1");
        Check(EvalEvery >= 0, "eval_every", EvalEvery, "≥ 0");
        Check(EvalInits is >= 0 and <= 50, "eval_inits", EvalInits, "in [0, 50]");
        Check(EvalThreads >= 1, "eval_threads", EvalThreads, "≥ 1");
        Check(TorchThreads >= 0, "torch_threads", TorchThreads, "≥ 0");
        Check(!string.IsNullOrWhiteSpace(Out), "out", Out, "a directory");
        Check(Cameras.Distinct().Count() == Cameras.Count, "cameras", $"[{string.Join(", ", Cameras)}]", "distinct");
        Check(StateFields.All(f => !string.IsNullOrWhiteSpace(f)) && StateFields.Distinct().Count() == StateFields.Count, "state_fields",
            $"[{string.Join(", ", StateFields)}]", "distinct field names (or \"proprio\")");
        return errors;
    }

    /// <summary>Reads a JSON config file; unknown keys and malformed values are refused naming them.</summary>
    public static SftOptions FromFile(string path) => Load(path, new Dictionary<string, string>());

    /// <summary>
    /// The defaults, overridden by the JSON file (when given), then by environment variables RIPT_SFT_&lt;KEY&gt;
    /// (e.g. RIPT_SFT_DEMOS=5, RIPT_SFT_CAMERAS=["corner2"]; values are JSON, or a bare string). Flags go on top.
    /// </summary>
    public static SftOptions Load(string? path, IReadOnlyDictionary<string, string> environment) =>
        Configuration.JsonConfig.Load<SftOptions>(path, "sft", Json, environment);

    /// <summary>The process's RIPT_SFT_* environment variables.</summary>
    public static IReadOnlyDictionary<string, string> Environment() => Configuration.JsonConfig.Environment("sft");

    /// <summary>The policy config these options describe, for demos of the given sizes and state fields (null: read by position).</summary>
    public PolicyConfig PolicyConfig(int stateDim, int actionDim, int imageSize, IReadOnlyList<StateField>? stateFields = null)
    {
        var c = new PolicyConfig(Policy, stateDim, actionDim, ChunkLength, ExecuteSteps, Cameras, Cameras.Count > 0 ? imageSize : 128)
        {
            StateFields = stateFields,
            DModel = DModel,
            Layers = Layers,
            Heads = Heads,
            Dropout = Dropout,
            TokensPerChunk = TokensPerChunk,
            FsqLevels = FsqLevels,
        };
        return c with
        {
            Temperature = Temperature ?? c.Temperature,
            TopK = TopK ?? c.TopK,
            LogScaleClip = LogScaleClip is [var lo, var hi] ? (lo, hi) : c.LogScaleClip,
        };
    }
}

/// <summary>How the learning rate moves over a supervised stage.</summary>
public enum LrSchedule
{
    /// <summary>Constant after the warm-up.</summary>
    Constant,

    /// <summary>Cosine decay from lr to 1% of lr over the stage, after the warm-up.</summary>
    Cosine,
}
