using System.Text.Json.Serialization;

namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// The budgets every cell of one experiment run shares (`--iterations`, `--eval-inits`, …). They are saved with the
/// results, and a resumed run must use the same ones, so that every line of results.jsonl was measured alike.
/// </summary>
public sealed record CellSettings
{
    /// <summary>RIPT iterations per cell (paper: "within 15 iterations").</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>Held-out evaluation contexts per task (of 50), before RIPT, every EvalEvery iterations and at the end.</summary>
    public int EvalInits { get; init; } = 50;

    /// <summary>Evaluate every this-many iterations for the SR-vs-iteration curve (0: before and after only).</summary>
    public int EvalEvery { get; init; } = 5;

    /// <summary>Expert demos of a pair's source task for pretraining.</summary>
    public int PretrainDemos { get; init; } = 50;

    /// <summary>Upper bound on every SFT stage's steps (short runs); null: the family recipe's.</summary>
    public int? SftStepCap { get; init; }

    /// <summary>Rollouts per context; null: the family recipe's.</summary>
    public int? K { get; init; }

    /// <summary>Trajectories per RIPT iteration (a multiple of K); null: the recipe's for a pair, K x max(4, tasks) for a suite.</summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// Environment steps each cell's stage 3 may spend on rollouts, every rollout counted (RIPT's rejected groups,
    /// iRe-VLA's failures); null: no budget (Iterations decides). With a budget Iterations is an upper bound.
    /// </summary>
    public long? SimStepBudget { get; init; }

    /// <summary>Worker threads of the silo and the evaluation; not part of what a result depends on (collection is deterministic).</summary>
    [JsonIgnore]
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Every invalid field, named as its flag.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Iterations < 1) errors.Add($"--iterations must be ≥ 1, got {Iterations}");
        if (EvalInits is < 1 or > 50) errors.Add($"--eval-inits must be in [1, 50], got {EvalInits}");
        if (EvalEvery < 0) errors.Add($"--eval-every must be ≥ 0, got {EvalEvery}");
        if (PretrainDemos is < 1 or > ExperimentGrid.MaxDemos) errors.Add($"--pretrain-demos must be in [1, {ExperimentGrid.MaxDemos}], got {PretrainDemos}");
        if (SftStepCap is < 1) errors.Add($"--sft-steps must be ≥ 1, got {SftStepCap}");
        if (K is < 2) errors.Add($"--k must be ≥ 2, got {K}");
        if (BatchSize is { } b && (b < (K ?? 2) || b % (K ?? 1) != 0)) errors.Add($"--batch-size must be a positive multiple of --k, got {BatchSize}");
        if (SimStepBudget is < 1) errors.Add($"--sim-step-budget must be ≥ 1, got {SimStepBudget}");
        if (Workers < 1) errors.Add($"--workers must be ≥ 1, got {Workers}");
        return errors;
    }
}
