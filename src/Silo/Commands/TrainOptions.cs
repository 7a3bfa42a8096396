using System.Text.Json;
using System.Text.Json.Serialization;
using RiptOrleans.Learner.Configuration;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Silo.Commands;

/// <summary>Options of `ript train` (stage 3): one record bound from a JSON config file (snake_case keys), flags and RIPT_TRAIN_* variables.</summary>
internal sealed record TrainOptions
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The update's knobs default to RiptOptions' (documented there with the paper's values).</summary>
    private static readonly RiptOptions Defaults = new();

    /// <summary>The SFT checkpoint directory the run starts from.</summary>
    public string? Checkpoint { get; init; }
    /// <summary>One task to train on (id or unique name).</summary>
    public string? Task { get; init; }
    /// <summary>Every task of a suite (multitask).</summary>
    public string? Suite { get; init; }
    /// <summary>Demo files whose initial states are the contexts; without it, the tasks' training pools.</summary>
    public string? DemoDir { get; init; }
    /// <summary>Contexts per task (demo episodes or training-pool contexts).</summary>
    public int ContextsPerTask { get; init; } = 50;
    /// <summary>Run directory (checkpoint/, metrics.jsonl, report.html).</summary>
    public string Out { get; init; } = "runs/ript";
    public int Iterations { get; init; } = 15;
    /// <summary>Rollouts per context (paper: QueST 16, OFT 8).</summary>
    public int K { get; init; } = Defaults.K;
    /// <summary>Trajectories per iteration, a multiple of k.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;
    public int Epochs { get; init; } = Defaults.Epochs;
    public int MinibatchSize { get; init; } = Defaults.MinibatchSize;
    public int GradientAccumulation { get; init; } = Defaults.GradientAccumulation;
    public double ClipEpsilon { get; init; } = Defaults.ClipEpsilon;
    public double LearningRate { get; init; } = Defaults.LearningRate;
    /// <summary>Learning rates of named RL parameter groups (regression: encoder, trunk, head; tokenized: embeddings, blocks, head).</summary>
    public Dictionary<string, double> GroupLearningRates { get; init; } = [];
    public double WeightDecay { get; init; } = Defaults.WeightDecay;
    public double MaxGradNorm { get; init; } = Defaults.MaxGradNorm;
    public RatioMode Ratio { get; init; } = Defaults.Ratio;
    public OldLogProbSource OldLogProbs { get; init; } = Defaults.OldLogProbs;
    public bool DynamicRejection { get; init; } = Defaults.DynamicRejection;
    public int MaxConsecutiveRejections { get; init; } = Defaults.MaxConsecutiveRejections;
    /// <summary>Rollout sampling temperature (tokens) or Laplace scale multiplier (regression); unset keeps the checkpoint's.</summary>
    public double? Temperature { get; init; }
    /// <summary>Rollout tokens from the k most likely only (tokenized; 0 = full softmax); unset keeps the checkpoint's.</summary>
    public int? TopK { get; init; }
    public long Seed { get; init; } = 1;
    /// <summary>Skip contexts that were all-success within this many iterations (0: uniform over every context).</summary>
    public int SkipSolvedIterations { get; init; }
    /// <summary>Worker threads (0: one per core).</summary>
    public int Workers { get; init; }
    public int EvalEvery { get; init; }
    public int EvalInits { get; init; } = 50;
    public bool Resume { get; init; }
    /// <summary>Start over in a run directory that holds a run (the old run moves to RUN/.previous-&lt;time&gt;/).</summary>
    public bool Force { get; init; }

    public RiptOptions ToRipt() => new()
    {
        K = K, BatchSize = BatchSize, Epochs = Epochs, MinibatchSize = MinibatchSize, GradientAccumulation = GradientAccumulation,
        ClipEpsilon = ClipEpsilon, LearningRate = LearningRate, GroupLearningRates = GroupLearningRates, WeightDecay = WeightDecay, MaxGradNorm = MaxGradNorm, Ratio = Ratio,
        OldLogProbs = OldLogProbs, DynamicRejection = DynamicRejection, MaxConsecutiveRejections = MaxConsecutiveRejections,
    };

    /// <summary>Every problem, each naming the field and the value.</summary>
    public List<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(Checkpoint) && !Resume) errors.Add("train.checkpoint is required (the SFT checkpoint to start from)");
        if (string.IsNullOrEmpty(Task) == string.IsNullOrEmpty(Suite)) errors.Add("give exactly one of train.task and train.suite");
        if (Resume && Force) errors.Add("give at most one of train.resume and train.force");
        if (Iterations < 1) errors.Add($"train.iterations must be ≥ 1, got {Iterations}");
        if (ContextsPerTask < 1) errors.Add($"train.contexts_per_task must be ≥ 1, got {ContextsPerTask}");
        if (Workers < 0) errors.Add($"train.workers must be ≥ 0, got {Workers}");
        if (SkipSolvedIterations < 0) errors.Add($"train.skip_solved_iterations must be ≥ 0, got {SkipSolvedIterations}");
        if (EvalEvery < 0) errors.Add($"train.eval_every must be ≥ 0, got {EvalEvery}");
        if (EvalInits is < 0 or > 50) errors.Add($"train.eval_inits must be in [0, 50], got {EvalInits}");
        if (Temperature is <= 0) errors.Add($"train.temperature must be > 0, got {Temperature}");
        if (TopK is < 0) errors.Add($"train.top_k must be ≥ 0 (0 = full softmax), got {TopK}");
        try
        {
            ToRipt().Validate();
        }
        catch (ArgumentException e)
        {
            errors.Add(e.Message);
        }
        return errors;
    }

    /// <summary>Defaults, then the JSON file, then RIPT_TRAIN_* variables.</summary>
    public static TrainOptions Load(string? path) => JsonConfig.Load<TrainOptions>(path, "train", Json);
}
