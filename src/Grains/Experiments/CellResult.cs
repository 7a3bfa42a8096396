using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiptOrleans.Grains.Experiments;

/// <summary>One finished cell: a line of results.jsonl (snake_case keys) with its success rates, curves and costs.</summary>
public sealed record CellResult
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public const string Finished = "finished";

    /// <summary>RIPT stopped early with its message (success absent or certain); the success rates are of the last weights.</summary>
    public const string Stopped = "stopped";

    public required string Experiment { get; init; }
    /// <summary>The cell id (ExperimentCell.Id).</summary>
    public required string Cell { get; init; }
    /// <summary>Pair or suite name.</summary>
    public required string Unit { get; init; }
    public string? Source { get; init; }
    public string? Target { get; init; }
    public string? Suite { get; init; }
    public required string Family { get; init; }
    public required int Demos { get; init; }
    public required int Seed { get; init; }
    public required string Variant { get; init; }
    public required string Status { get; init; }
    public string? StopReason { get; init; }
    /// <summary>Mean SR over the target tasks after SFT (greedy, held-out contexts).</summary>
    public required double SuccessBefore { get; init; }
    /// <summary>Mean SR after RIPT.</summary>
    public required double SuccessAfter { get; init; }
    /// <summary>Mean SR after SFT with sampled actions (the rollout policy; QueST's evaluation protocol); null when not measured.</summary>
    public double? SampledBefore { get; init; }
    /// <summary>Mean SR after RIPT with sampled actions; null when not measured.</summary>
    public double? SampledAfter { get; init; }
    public IReadOnlyList<TaskOutcome> Tasks { get; init; } = [];
    /// <summary>Evaluation SR by iteration (0 = SFT), as scheduled by --eval-every.</summary>
    public IReadOnlyList<CurvePoint> EvalCurve { get; init; } = [];
    /// <summary>SR of the sampled rollouts RIPT collected, by iteration (1-based).</summary>
    public IReadOnlyList<CurvePoint> RolloutCurve { get; init; } = [];
    /// <summary>Held-out SR after SFT and at each scheduled evaluation, against the env steps and the wall-clock (rollouts + updates) spent so far.</summary>
    public IReadOnlyList<BudgetPoint> BudgetCurve { get; init; } = [];
    /// <summary>"ript", "ire-vla" or "ript-replay".</summary>
    public string? Algorithm { get; init; }
    /// <summary>Env (control) steps of every rollout stage 3 ran, rejected and discarded ones included.</summary>
    public long SimSteps { get; init; }
    public int IterationsRun { get; init; }
    public long Rollouts { get; init; }
    /// <summary>Mean wall-clock of one RIPT iteration (rollouts + update), seconds.</summary>
    public double SecondsPerIteration { get; init; }
    /// <summary>Rollouts per second of collection over the run.</summary>
    public double RolloutsPerSecond { get; init; }
    /// <summary>Wall-clock seconds of the pipeline's steps (demos, pretrain, sft, ript, total); reused shared steps count 0.</summary>
    public IReadOnlyDictionary<string, double> Seconds { get; init; } = new Dictionary<string, double>();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CellResult Parse(string line) => JsonSerializer.Deserialize<CellResult>(line, Json) ?? throw new JsonException("null result line");
}

/// <summary>Success before and after RIPT on one task of a cell.</summary>
public sealed record TaskOutcome(string Task, double Before, double After, int Episodes);

/// <summary>A held-out success rate after this many env steps and seconds of stage 3.</summary>
public sealed record BudgetPoint(long SimSteps, double Seconds, double SuccessRate);

/// <summary>One point of a curve: an iteration and a success rate.</summary>
public sealed record CurvePoint(int Iteration, double SuccessRate);
