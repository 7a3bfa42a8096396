using RiptOrleans.Learner.IreVla;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One stage-3 run: where it writes, what it trains on, how long, how it evaluates; the update's knobs are in <see cref="Ript"/>.</summary>
/// <param name="OutDirectory">Run directory: checkpoint/, metrics.jsonl, report.html (a path the learner's silo can write).</param>
/// <param name="TaskIds">Tasks whose contexts make the context set.</param>
/// <param name="StartCheckpoint">The SFT checkpoint the run starts from (ignored when resuming).</param>
[GenerateSerializer, Immutable, Alias("ript.RiptRunOptions")]
public sealed record RiptRunOptions(
    [property: Id(0)] string OutDirectory,
    [property: Id(1)] string[] TaskIds,
    [property: Id(2)] string StartCheckpoint,
    [property: Id(3)] RiptOptions Ript,
    [property: Id(4)] int Iterations)
{
    /// <summary>Directory of demo files whose initial states are the contexts (RIPT's D_context); null: the tasks' training pools.</summary>
    [Id(5)] public string? DemoDirectory { get; init; }

    /// <summary>Demo episodes (contexts) per task taken from the demo files, or training-pool contexts per task.</summary>
    [Id(6)] public int ContextsPerTask { get; init; } = 50;

    [Id(7)] public long Seed { get; init; } = 1;

    /// <summary>Std (m) of Gaussian noise on the contexts' object positions (RIPT Fig. 7: σ × 2.5 cm); 0 keeps the demos' initial states.</summary>
    [Id(16)] public double ContextNoise { get; init; }

    /// <summary>Skip contexts whose group was all-success within this many iterations (0: sample every context uniformly).</summary>
    [Id(8)] public int SkipSolvedIterations { get; init; }

    /// <summary>Groups in flight at once (one per worker core); the learner's own evaluation threads too. 0: follow the live
    /// worker silos' slots (a cluster), evaluating on the learner silo's cores.</summary>
    [Id(9)] public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Evaluate every this-many iterations (0: only before the first and after the last).</summary>
    [Id(10)] public int EvalEvery { get; init; }

    /// <summary>Evaluation contexts per task (0: no evaluation).</summary>
    [Id(11)] public int EvalInits { get; init; } = 50;

    /// <summary>Continue from the run directory's checkpoint instead of the start checkpoint (when one exists).</summary>
    [Id(12)] public bool Resume { get; init; }

    /// <summary>Start over in a run directory that holds a run, moving the old one to RUN/.previous-&lt;time&gt;/ (without it, such a directory is refused).</summary>
    [Id(15)] public bool Force { get; init; }

    /// <summary>Sampling temperature (tokens) or Laplace scale multiplier (regression) of rollouts; null keeps the checkpoint's.</summary>
    [Id(13)] public double? Temperature { get; init; }

    /// <summary>Tokens drawn from the k most likely only (tokenized family; 0 = full softmax); null keeps the checkpoint's.</summary>
    [Id(14)] public int? TopK { get; init; }

    /// <summary>Set: the run is iRe-VLA (stage 1 PPO on the head, stage 2 supervised, alternating), not RIPT; null: RIPT.</summary>
    [Id(17)] public IreVlaOptions? IreVla { get; init; }

    /// <summary>
    /// Environment (control) steps the run may spend on rollouts, counting every rollout (rejected groups, iRe-VLA's
    /// discarded failures); 0: no budget. Once spent the run ends where its policy is whole: RIPT after the iteration that
    /// spent it, iRe-VLA after that round's supervised iteration (which steps no env). Iterations stays an upper bound.
    /// </summary>
    [Id(18)] public long SimStepBudget { get; init; }

    /// <summary>
    /// With <see cref="IreVla"/>: each round's RL iterations are RIPT's own (RLOO + PPO on the parameters RIPT trains, with
    /// <see cref="Ript"/>'s knobs and dynamic rejection), followed by iRe-VLA's supervised iteration on the expert demos ∪
    /// RIPT's successful rollouts: the demo-replay control "RIPT with the same expert replay" (ript-replay).
    /// </summary>
    [Id(19)] public bool RiptRl { get; init; }

    /// <summary>The checkpoint stage of this run's own checkpoints ("ript", "ire-vla" or "ript-replay").</summary>
    public string Algorithm => IreVla is null ? "ript" : RiptRl ? "ript-replay" : "ire-vla";

    public string CheckpointDirectory => Path.Combine(OutDirectory, "checkpoint");
    public string MetricsPath => Path.Combine(OutDirectory, "metrics.jsonl");
    public string ReportPath => Path.Combine(OutDirectory, "report.html");

    /// <summary>iRe-VLA's D_RL, one file per iteration that added successes.</summary>
    public string OnlineDirectory => Path.Combine(OutDirectory, "online");

    /// <summary>The learner grain's key: the run directory's name.</summary>
    public string RunId => Path.GetFileName(Path.GetFullPath(OutDirectory).TrimEnd(Path.DirectorySeparatorChar));
}
