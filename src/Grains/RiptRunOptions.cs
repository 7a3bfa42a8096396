using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains;

/// <summary>One stage-3 run: where it writes, what it trains on, how long, how it evaluates; the update's knobs are in <see cref="Ript"/>.</summary>
/// <param name="OutDirectory">Run directory: checkpoint/, metrics.jsonl, report.html.</param>
/// <param name="TaskIds">Tasks whose contexts make the context set.</param>
/// <param name="StartCheckpoint">The SFT checkpoint the run starts from (ignored when resuming).</param>
public sealed record RiptRunOptions(string OutDirectory, IReadOnlyList<string> TaskIds, string StartCheckpoint, RiptOptions Ript, int Iterations)
{
    /// <summary>Directory of demo files whose initial states are the contexts (RIPT's D_context); null: the tasks' training pools.</summary>
    public string? DemoDirectory { get; init; }

    /// <summary>Demo episodes (contexts) per task taken from the demo files, or training-pool contexts per task.</summary>
    public int ContextsPerTask { get; init; } = 50;

    public long Seed { get; init; } = 1;

    /// <summary>Std (m) of Gaussian noise on the contexts' object positions (RIPT Fig. 7: σ × 2.5 cm); 0 keeps the demos' initial states.</summary>
    public double ContextNoise { get; init; }

    /// <summary>Skip contexts whose group was all-success within this many iterations (0: sample every context uniformly).</summary>
    public int SkipSolvedIterations { get; init; }

    /// <summary>Worker threads (grain turns at once); one per core by default.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Evaluate every this-many iterations (0: only before the first and after the last).</summary>
    public int EvalEvery { get; init; }

    /// <summary>Evaluation contexts per task (0: no evaluation).</summary>
    public int EvalInits { get; init; } = 50;

    /// <summary>Continue from the run directory's checkpoint instead of the start checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>Start over in a run directory that holds a run, moving the old one to RUN/.previous-&lt;time&gt;/ (without it, such a directory is refused).</summary>
    public bool Force { get; init; }

    /// <summary>Sampling temperature (tokens) or Laplace scale multiplier (regression) of rollouts; null keeps the checkpoint's.</summary>
    public double? Temperature { get; init; }

    /// <summary>Tokens drawn from the k most likely only (tokenized family; 0 = full softmax); null keeps the checkpoint's.</summary>
    public int? TopK { get; init; }

    public string CheckpointDirectory => Path.Combine(OutDirectory, "checkpoint");
    public string MetricsPath => Path.Combine(OutDirectory, "metrics.jsonl");
    public string ReportPath => Path.Combine(OutDirectory, "report.html");
}
