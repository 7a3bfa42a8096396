using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>RiptMetricsLine ⇄ its metrics.jsonl form: progress reports carry the very line the run writes.</summary>
[RegisterConverter]
public sealed class RiptMetricsLineConverter : IConverter<RiptMetricsLine, LearnerJsonSurrogate>
{
    public RiptMetricsLine ConvertFromSurrogate(in LearnerJsonSurrogate surrogate) => RiptMetricsLine.Parse(surrogate.Json);
    public LearnerJsonSurrogate ConvertToSurrogate(in RiptMetricsLine value) => new(value.ToJson());
}
