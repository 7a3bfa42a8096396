using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiptOrleans.Learner.Ript;

/// <summary>One iteration's line of metrics.jsonl; the JSON keys are grouped rollout/, loss/, perf/, eval/.</summary>
public sealed record RiptMetricsLine
{
    [JsonPropertyName("iteration")] public int Iteration { get; init; }
    /// <summary>Weights version the iteration's update produced.</summary>
    [JsonPropertyName("policy_version")] public long PolicyVersion { get; init; }
    [JsonPropertyName("lr")] public double LearningRate { get; init; }
    /// <summary>Success rate over every rollout collected this iteration, rejected groups included.</summary>
    [JsonPropertyName("rollout/success_rate")] public double RolloutSuccessRate { get; init; }
    /// <summary>Groups (contexts) run to fill D.</summary>
    [JsonPropertyName("rollout/contexts_tried")] public int ContextsTried { get; init; }
    [JsonPropertyName("rollout/accepted")] public int Accepted { get; init; }
    [JsonPropertyName("rollout/rejected_all_success")] public int RejectedAllSuccess { get; init; }
    [JsonPropertyName("rollout/rejected_all_fail")] public int RejectedAllFail { get; init; }
    /// <summary>Results of an older version, dropped.</summary>
    [JsonPropertyName("rollout/late")] public int Late { get; init; }
    /// <summary>−mean sampled log-prob per decision over D: a Monte Carlo estimate of the policy's entropy per decision.</summary>
    [JsonPropertyName("rollout/entropy_estimate")] public double EntropyEstimate { get; init; }
    [JsonPropertyName("loss/policy")] public double PolicyLoss { get; init; }
    [JsonPropertyName("loss/approx_kl")] public double ApproxKl { get; init; }
    [JsonPropertyName("loss/old_approx_kl")] public double OldApproxKl { get; init; }
    [JsonPropertyName("loss/clip_frac")] public double ClipFraction { get; init; }
    [JsonPropertyName("loss/ratio_max")] public double RatioMax { get; init; }
    [JsonPropertyName("loss/grad_norm")] public double GradNorm { get; init; }
    /// <summary>Largest |recomputed − sampled| old log-prob (0 up to float error).</summary>
    [JsonPropertyName("loss/old_logprob_gap")] public double OldLogProbGap { get; init; }
    [JsonPropertyName("perf/rollouts_per_s")] public double RolloutsPerSecond { get; init; }
    [JsonPropertyName("perf/sim_steps_per_s")] public double SimStepsPerSecond { get; init; }
    /// <summary>Wall-clock seconds collecting rollouts vs updating.</summary>
    [JsonPropertyName("perf/rollout_s")] public double RolloutSeconds { get; init; }
    [JsonPropertyName("perf/learner_s")] public double LearnerSeconds { get; init; }
    /// <summary>Scheduled evaluation success rate (greedy, eval contexts); absent on iterations without evaluation.</summary>
    [JsonPropertyName("eval/success_rate")] public double? EvalSuccessRate { get; init; }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Every line of a run's metrics.jsonl.</summary>
    public static IReadOnlyList<RiptMetricsLine> ReadAll(string path) => Reports.MetricsLog.ReadLines(path).Select(Parse).ToList();

    public static RiptMetricsLine Parse(string line) => JsonSerializer.Deserialize<RiptMetricsLine>(line, Json)
        ?? throw new InvalidDataException($"not a metrics line: {line}");
}
