using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiptOrleans.Learner.Ript;

/// <summary>
/// One RIPT iteration's metrics, the one record of them: the rollout scheduler fills the rollout/ and perf/ values it
/// counts, RiptUpdate the loss/ values, the learner the version, learning rate, update time and eval/; progress reports,
/// the terminal, metrics.jsonl (one line each), report.html and the inspection pages all read this record.
/// </summary>
public sealed record RiptMetricsLine
{
    [JsonPropertyName("iteration")] public int Iteration { get; init; }
    /// <summary>Weights version the iteration's update produced.</summary>
    [JsonPropertyName("policy_version")] public long PolicyVersion { get; init; }
    [JsonPropertyName("lr")] public double LearningRate { get; init; }
    /// <summary>Success rate over every rollout collected this iteration, rejected groups included.</summary>
    [JsonPropertyName("rollout/success_rate")] public double RolloutSuccessRate { get; init; }
    /// <summary>Rollouts collected (every group's K, rejected ones included) and how many succeeded.</summary>
    [JsonPropertyName("rollout/rollouts")] public int Rollouts { get; init; }
    [JsonPropertyName("rollout/successes")] public int RolloutSuccesses { get; init; }
    /// <summary>Groups (contexts) run to fill D.</summary>
    [JsonPropertyName("rollout/contexts_tried")] public int ContextsTried { get; init; }
    [JsonPropertyName("rollout/accepted")] public int Accepted { get; init; }
    [JsonPropertyName("rollout/rejected_all_success")] public int RejectedAllSuccess { get; init; }
    [JsonPropertyName("rollout/rejected_all_fail")] public int RejectedAllFail { get; init; }
    /// <summary>Results of an older version, dropped.</summary>
    [JsonPropertyName("rollout/late")] public int Late { get; init; }
    /// <summary>Groups whose call failed (their silo died, their weights were gone) and that ran again under the same JobId.</summary>
    [JsonPropertyName("rollout/reissued")] public int Reissued { get; init; }
    /// <summary>Results of a JobId already counted, dropped (a reissued group whose first call answered after all).</summary>
    [JsonPropertyName("rollout/duplicates")] public int Duplicates { get; init; }
    /// <summary>−mean sampled log-prob per decision over D: a Monte Carlo estimate of the policy's entropy per decision.</summary>
    [JsonPropertyName("rollout/entropy_estimate")] public double EntropyEstimate { get; init; }
    /// <summary>Mean clipped surrogate loss over the update's minibatches.</summary>
    [JsonPropertyName("loss/policy")] public double PolicyLoss { get; init; }
    /// <summary>Mean of (r − 1) − log r (Schulman's low-variance KL estimate) in the last epoch.</summary>
    [JsonPropertyName("loss/approx_kl")] public double ApproxKl { get; init; }
    [JsonPropertyName("loss/old_approx_kl")] public double OldApproxKl { get; init; }
    /// <summary>Fraction of ratios outside [1 − ε, 1 + ε] in the last epoch.</summary>
    [JsonPropertyName("loss/clip_frac")] public double ClipFraction { get; init; }
    [JsonPropertyName("loss/ratio_max")] public double RatioMax { get; init; }
    /// <summary>Mean gradient norm before clipping.</summary>
    [JsonPropertyName("loss/grad_norm")] public double GradNorm { get; init; }
    /// <summary>Largest |recomputed − sampled| old log-prob (0 up to float error).</summary>
    [JsonPropertyName("loss/old_logprob_gap")] public double OldLogProbGap { get; init; }
    /// <summary>AdamW steps taken, trajectories and decisions in the update.</summary>
    [JsonPropertyName("loss/optimizer_steps")] public int OptimizerSteps { get; init; }
    [JsonPropertyName("loss/samples")] public int Samples { get; init; }
    [JsonPropertyName("loss/decisions")] public int Decisions { get; init; }
    [JsonPropertyName("perf/rollouts_per_s")] public double RolloutsPerSecond { get; init; }
    [JsonPropertyName("perf/sim_steps_per_s")] public double SimStepsPerSecond { get; init; }
    [JsonPropertyName("perf/sim_steps")] public long SimSteps { get; init; }
    /// <summary>Wall-clock seconds collecting rollouts vs updating.</summary>
    [JsonPropertyName("perf/rollout_s")] public double RolloutSeconds { get; init; }
    [JsonPropertyName("perf/learner_s")] public double LearnerSeconds { get; init; }
    /// <summary>iRe-VLA only (absent for RIPT): the iteration's stage, "rl" (stage 1: PPO on the head, backbone frozen) or "sl" (stage 2: supervised on D_e ∪ D_RL).</summary>
    [JsonPropertyName("stage")] public string? Stage { get; init; }
    /// <summary>iRe-VLA: the round (one RL stage, then one supervised stage) and the task its RL stage trains ("all" when joint).</summary>
    [JsonPropertyName("round")] public int? Round { get; init; }
    [JsonPropertyName("rl_task")] public string? RlTask { get; init; }
    /// <summary>iRe-VLA stage 1: the value head's (clipped) loss and the explained variance of its old values on the returns.</summary>
    [JsonPropertyName("loss/value")] public double? ValueLoss { get; init; }
    [JsonPropertyName("loss/explained_variance")] public double? ExplainedVariance { get; init; }
    /// <summary>iRe-VLA stage 2: mean supervised loss (the family's own SFT loss) and the share of windows drawn from D_RL.</summary>
    [JsonPropertyName("loss/supervised")] public double? SupervisedLoss { get; init; }
    [JsonPropertyName("sl/online_fraction")] public double? OnlineFraction { get; init; }
    /// <summary>iRe-VLA: successful rollouts in D_RL after this iteration, and how many this iteration added.</summary>
    [JsonPropertyName("online/trajectories")] public int? OnlineTrajectories { get; init; }
    [JsonPropertyName("online/added")] public int? OnlineAdded { get; init; }
    /// <summary>Scheduled evaluation success rate (greedy, eval contexts); absent on iterations without evaluation.</summary>
    [JsonPropertyName("eval/success_rate")] public double? EvalSuccessRate { get; init; }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Every line of a run's metrics.jsonl.</summary>
    public static IReadOnlyList<RiptMetricsLine> ReadAll(string path) => Reports.MetricsLog.ReadLines(path).Select(Parse).ToList();

    public static RiptMetricsLine Parse(string line) => JsonSerializer.Deserialize<RiptMetricsLine>(line, Json)
        ?? throw new InvalidDataException($"not a metrics line: {line}");
}
