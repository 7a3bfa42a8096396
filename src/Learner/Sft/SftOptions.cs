using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RiptOrleans.Learner.Configuration;
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
    [Option("Directory of demo files (<task>.safetensors)", NonEmpty = true)]
    public string DemoDir { get; init; } = "demos";

    /// <summary>Train on every task of this suite (multitask)…</summary>
    [Option("Train on every task of this suite", Alias = "-s", Replaces = nameof(Task), NonEmpty = true)]
    public string? Suite { get; init; }

    /// <summary>…or on one task.</summary>
    [Option("Train on one task", Alias = "-t", Replaces = nameof(Suite), NonEmpty = true)]
    public string? Task { get; init; }

    /// <summary>Demonstrations per task, the first N of each file (the paper: 1 to 50).</summary>
    [Option("Demonstrations per task", Min = 1, Max = 10_000)]
    public int Demos { get; init; } = 50;

    /// <summary>Policy family: tokenized (QueST-like) or regression (OFT-like).</summary>
    [Option("Policy family: tokenized or regression")]
    public PolicyKind Policy { get; init; } = PolicyKind.Tokenized;

    /// <summary>Cameras the policy reads (empty: state only); the demos must hold their frames.</summary>
    [Option("Cameras the policy reads (default: state only)")]
    public IReadOnlyList<string> Cameras { get; init; } = [];

    /// <summary>
    /// State fields the policy reads: empty for every field of the demos (object poses included), ["proprio"] for the
    /// robot's proprioception only (an image policy that must not read object poses), or field names.
    /// </summary>
    [Option("State fields the policy reads: 'proprio' (no object poses), or field names (default: every field)")]
    public IReadOnlyList<string> StateFields { get; init; } = [];

    /// <summary>Image policies: training frames are shifted by up to ±this many pixels (random-shift augmentation; 0: none).</summary>
    [Option("Image policies: random shift of training frames, in pixels (0: none)", Min = 0, Max = 64)]
    public int ImageShift { get; init; } = 4;

    /// <summary>
    /// Normalise actions by the demos' per-entry mean and std (heads predict normalised actions); unset: the family's
    /// default (<see cref="NormalizesActions"/>).
    /// </summary>
    [Option("Normalise actions by the demos' mean and std (true/false; unset: yes for regression, no for tokenized)")]
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
    [Option("Actions predicted per decision", Min = 1, Max = 256)]
    public int ChunkLength { get; init; } = 8;

    /// <summary>Actions executed per decision before re-planning.</summary>
    [Option("Actions executed per decision", Min = 1, Max = 256)]
    public int ExecuteSteps { get; init; } = 4;

    /// <summary>Width of the encoders and transformer.</summary>
    [Option("Model width", Min = 8, Max = 4096)]
    public int DModel { get; init; } = 64;

    /// <summary>Transformer blocks (tokenized) or trunk layers (regression).</summary>
    [Option("Transformer blocks (tokenized) or residual trunk blocks (regression)", Min = 1, Max = 64)]
    public int Layers { get; init; } = 2;

    [Option("Attention heads", Min = 1, Max = 64)]
    public int Heads { get; init; } = 4;

    /// <summary>Tokenized: tokens per chunk.</summary>
    [Option("Tokenized: tokens per chunk", Min = 1, Max = 256)]
    public int TokensPerChunk { get; init; } = 4;

    /// <summary>Tokenized: FSQ levels per latent entry (vocabulary = product).</summary>
    [Option("Tokenized: FSQ levels per latent entry", Min = 2, Max = 1024)]
    public IReadOnlyList<int> FsqLevels { get; init; } = [8, 5, 5, 5];

    [Option("Dropout", Min = 0, Max = 1, MaxExclusive = true)]
    public double Dropout { get; init; } = 0.1;

    /// <summary>Rollout sampling: token temperature (tokenized) or Laplace scale multiplier (regression); unset: the family's default.</summary>
    [Option("Rollout sampling: token temperature or Laplace scale multiplier, saved with the policy (unset: the family's default)", Min = 0, Max = 100, MinExclusive = true)]
    public double? Temperature { get; init; }

    /// <summary>Tokenized rollout sampling: tokens from the k most likely only (0 = full softmax); unset: the family's default.</summary>
    [Option("Tokenized rollout sampling: the k most likely tokens only (0 = full softmax; unset: the family's default)", Min = 0, Max = 1_000_000)]
    public int? TopK { get; init; }

    /// <summary>Regression: clip [lo, hi] of the scale head's log b in normalised action units; unset: the family's default.</summary>
    [Option("Regression: clip lo hi of the scale head's log b, in normalised action units (unset: the family's default)", Min = -20, Max = 20)]
    public IReadOnlyList<double>? LogScaleClip { get; init; }

    /// <summary>Tokenized stage 1: skill autoencoder steps.</summary>
    [Option("Tokenized: skill autoencoder steps", Min = 0, Max = 10_000_000)]
    public int AutoencoderSteps { get; init; } = 1000;

    /// <summary>Behaviour-cloning steps of the main stage (tokenized prior, regression action head).</summary>
    [Option("Main-stage behaviour-cloning steps", Min = 1, Max = 10_000_000)]
    public int Steps { get; init; } = 2000;

    /// <summary>Regression stage 2: Laplace scale head steps with the action head frozen (paper: 500).</summary>
    [Option("Regression: scale-head steps", Min = 0, Max = 10_000_000)]
    public int ScaleSteps { get; init; } = 300;

    [Option("Windows per step", Min = 1, Max = 1_000_000)]
    public int BatchSize { get; init; } = 64;

    [Option("AdamW learning rate", Min = 0, Max = 1, MinExclusive = true)]
    public double Lr { get; init; } = 1e-3;

    /// <summary>Learning-rate schedule of each stage after a 5% linear warm-up: constant, or cosine decay to 1% of lr.</summary>
    [Option("Learning-rate schedule after a 5% warm-up: constant or cosine (decay to 1% of lr)")]
    public LrSchedule LrSchedule { get; init; } = LrSchedule.Cosine;

    [Option("AdamW weight decay", Min = 0, Max = 1)]
    public double WeightDecay { get; init; } = 1e-4;

    [Option("Gradient-norm clip", Min = 0, Max = 1e6, MinExclusive = true)]
    public double GradClip { get; init; } = 1.0;

    /// <summary>Optimiser steps between metrics lines.</summary>
    [Option("Steps between metrics lines", Min = 1)]
    public int LogEvery { get; init; } = 50;

    /// <summary>Main-stage steps between evaluations (0: evaluate only at the end).</summary>
    [Option("Steps between evaluations (0: only at the end)", Min = 0)]
    public int EvalEvery { get; init; }

    /// <summary>Evaluation contexts per task at each evaluation (0: no evaluation).</summary>
    [Option("Evaluation contexts per task (0: none)", Min = 0, Max = 50)]
    public int EvalInits { get; init; } = 10;

    /// <summary>Evaluation worker threads.</summary>
    [Option("Evaluation threads", Min = 1, Max = 4096)]
    public int EvalThreads { get; init; } = 2;

    /// <summary>libtorch intra-op threads for training (0: leave libtorch's default).</summary>
    [Option("libtorch intra-op threads for training (0: libtorch's default)", Min = 0, Max = 4096)]
    public int TorchThreads { get; init; }

    /// <summary>
    /// Start from this checkpoint's weights (stage 2 after a stage-1 pretraining run): its architecture, vocabulary and
    /// state statistics are kept (new instruction words map to &lt;unk&gt;); set autoencoder_steps 0 to keep its skills.
    /// </summary>
    [Option("Start from this checkpoint (e.g. a pretraining run)", NonEmpty = true)]
    public string? InitFrom { get; init; }

    /// <summary>Run directory: checkpoint/, metrics.jsonl, report.html.</summary>
    [Option("Run directory (checkpoint/, metrics.jsonl, report.html)", Alias = "-o", NonEmpty = true)]
    public string Out { get; init; } = "runs/sft";

    /// <summary>Start over in an out directory that holds a run, moving the old one to OUT/.previous-&lt;time&gt;/ (without it, such a directory is refused).</summary>
    [Option("Start over in an out directory that holds a run, moving the old one to OUT/.previous-<time>/")]
    public bool Force { get; init; }

    [Option("Seed of initialisation, windows and evaluation")]
    public ulong Seed { get; init; } = 1;

    /// <summary>Every invalid field as "sft.field must be …, got …" (empty when valid): the declared ranges, then the fields that depend on each other.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = OptionRules.Validate(this, "sft");
        void Check(bool ok, string field, object? value, string rule)
        {
            if (!ok) errors.Add($"sft.{field} must be {rule}, got {value ?? "nothing"}");
        }
        Check(string.IsNullOrEmpty(Suite) != string.IsNullOrEmpty(Task), "task", $"suite={Suite ?? "-"} task={Task ?? "-"}", "given, or sft.suite (exactly one of them)");
        Check(ExecuteSteps <= ChunkLength, "execute_steps", ExecuteSteps, $"in [1, chunk_length = {ChunkLength}]");
        Check(DModel % Math.Max(1, Heads) == 0, "heads", Heads, $"≥ 1 and divide d_model = {DModel}");
        Check(FsqLevels.Count >= 1, "fsq_levels", "[]", "non-empty with every level ≥ 2");
        Check(LogScaleClip is null || LogScaleClip is [var lo, var hi] && lo < hi, "log_scale_clip",
            LogScaleClip is null ? null : $"[{string.Join(", ", LogScaleClip)}]", "[lo, hi] with lo < hi");
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
