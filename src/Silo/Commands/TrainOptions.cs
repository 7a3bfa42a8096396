using System.Text.Json;
using System.Text.Json.Serialization;
using RiptOrleans.Learner.Configuration;
using RiptOrleans.Learner.IreVla;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// Options of `ript train` (stage 3), each declared once: flags, JSON keys (snake_case, flat), RIPT_TRAIN_* variables and
/// validation derive from the declarations; the update's knobs are RiptOptions' own (documented there with the paper's values).
/// </summary>
internal sealed record TrainOptions
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    [Option("SFT checkpoint directory to start from", NonEmpty = true)]
    public string? Checkpoint { get; init; }

    [Option("Train on one task (id or unique name)", Alias = "-t", Replaces = nameof(Suite), NonEmpty = true)]
    public string? Task { get; init; }

    [Option("Train on every task of a suite", Alias = "-s", Replaces = nameof(Task), NonEmpty = true)]
    public string? Suite { get; init; }

    [Option("Demo files whose initial states are the contexts (default: the tasks' training pools)", NonEmpty = true)]
    public string? DemoDir { get; init; }

    [Option("Contexts per task (demo episodes or training-pool contexts)", Min = 1, Max = 100_000)]
    public int ContextsPerTask { get; init; } = 50;

    [Option("Run directory (checkpoint/, metrics.jsonl, report.html)", Alias = "-o", NonEmpty = true)]
    public string Out { get; init; } = "runs/ript";

    [Option("RIPT iterations", Min = 1, Max = 1_000_000)]
    public int Iterations { get; init; } = 15;

    /// <summary>
    /// ript (RIPT-VLA, the default), ire-vla (iRe-VLA: PPO on the head with the backbone frozen, alternating with supervised
    /// rounds on demos + successes) or ript-replay (RIPT's iterations alternating with iRe-VLA's supervised rounds: the
    /// demo-replay control).
    /// </summary>
    [Option("Stage-3 algorithm: ript (RIPT-VLA), ire-vla (iRe-VLA: head-only PPO rounds alternating with supervised rounds on demos + online successes) or ript-replay (RIPT iterations alternating with the same supervised rounds)", NonEmpty = true)]
    public string Algorithm { get; init; } = RiptName;

    public const string RiptName = "ript";
    public const string IreVlaName = "ire-vla";
    public const string RiptReplayName = "ript-replay";

    /// <summary>True when the run alternates with iRe-VLA's supervised rounds (ire-vla, ript-replay), so train's iRe-VLA knobs apply.</summary>
    public bool HasSupervisedRounds => Algorithm is IreVlaName or RiptReplayName;

    /// <summary>The update's knobs (k, batch_size, lr, …), declared in RiptOptions.</summary>
    [OptionGroup]
    public RiptOptions Ript { get; init; } = new();

    /// <summary>iRe-VLA's knobs (rl_iterations, gamma, sl_steps, …), declared in IreVlaOptions; read with --algorithm ire-vla only.</summary>
    [OptionGroup]
    public IreVlaOptions IreVla { get; init; } = new();

    [Option("Sampling temperature (tokens) or Laplace scale multiplier (regression) of rollouts; unset keeps the checkpoint's", Min = 0, Max = 100, MinExclusive = true)]
    public double? Temperature { get; init; }

    [Option("Rollout tokens from the k most likely only (tokenized; 0 = full softmax); unset keeps the checkpoint's", Min = 0)]
    public int? TopK { get; init; }

    [Option("Env steps the run may spend on rollouts, every rollout counted (0: none; iterations stays an upper bound; iRe-VLA ends after the round's supervised iteration)", Min = 0)]
    public long SimStepBudget { get; init; }

    [Option("Run seed (contexts, rollouts, shuffles)")]
    public long Seed { get; init; } = 1;

    [Option("Std (m) of Gaussian noise on the contexts' object positions (RIPT Fig. 7 uses multiples of 0.025; 0: the demos' initial states)", Min = 0, Max = 1)]
    public double ContextNoise { get; init; }

    [Option("Skip contexts all-success within N iterations (0: sample every context uniformly)", Min = 0)]
    public int SkipSolvedIterations { get; init; }

    [Option("Worker threads (0: one per core)", Min = 0, Max = 4096)]
    public int Workers { get; init; }

    [Option("Evaluate every N iterations (0: before the first and after the last only)", Min = 0)]
    public int EvalEvery { get; init; }

    [Option("Evaluation contexts per task (0: none)", Min = 0, Max = 50)]
    public int EvalInits { get; init; } = 50;

    [Option("Continue from the run directory's newest intact checkpoint")]
    public bool Resume { get; init; }

    [Option("Start over in a run directory that holds a run, moving the old one to RUN/.previous-<time>/")]
    public bool Force { get; init; }

    /// <summary>Every problem, each naming the field and the value.</summary>
    public List<string> Validate()
    {
        var errors = OptionRules.Validate(this, "train");
        if (string.IsNullOrEmpty(Checkpoint) && !Resume) errors.Add("train.checkpoint is required (the SFT checkpoint to start from)");
        if (string.IsNullOrEmpty(Task) == string.IsNullOrEmpty(Suite)) errors.Add("give exactly one of train.task and train.suite");
        if (Resume && Force) errors.Add("give at most one of train.resume and train.force");
        if (Algorithm is not (RiptName or IreVlaName or RiptReplayName))
            errors.Add($"train.algorithm must be {RiptName}, {IreVlaName} or {RiptReplayName}, got '{Algorithm}' (--algorithm)");
        // Ranges were checked above with the rest; only the sizes that depend on each other remain.
        errors.AddRange(Ript.Problems().Where(e => !errors.Contains(e)));
        if (HasSupervisedRounds) errors.AddRange(IreVla.Problems().Where(e => !errors.Contains(e)));
        return errors;
    }

    /// <summary>Defaults, then the JSON file, then RIPT_TRAIN_* variables.</summary>
    public static TrainOptions Load(string? path) => JsonConfig.Load<TrainOptions>(path, "train", Json);
}
