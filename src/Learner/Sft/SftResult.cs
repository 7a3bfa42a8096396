using RiptOrleans.Learner.Evaluation;

namespace RiptOrleans.Learner.Sft;

/// <summary>What one SFT run produced: where its checkpoint is, the last loss of each stage and the final evaluation.</summary>
public sealed record SftResult(string CheckpointDirectory, string MetricsPath, string ReportPath, IReadOnlyDictionary<string, double> FirstLoss,
    IReadOnlyDictionary<string, double> FinalLoss, IReadOnlyList<TaskScore> Evaluation, double Seconds)
{
    /// <summary>Wall seconds of the supervised stages alone (Seconds less evaluation and report).</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>CPU seconds the process used over the run (all threads): on a shared machine, what the run cost.</summary>
    public double CpuSeconds { get; init; }

    public double MeanSuccessRate => Evaluation.Count == 0 ? double.NaN : Evaluation.Average(s => s.SuccessRate);
}
