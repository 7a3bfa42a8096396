using System.Text.Json;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>RiptMetrics ⇄ its JSON.</summary>
[RegisterConverter]
public sealed class RiptMetricsConverter : IConverter<RiptMetrics, LearnerJsonSurrogate>
{
    public RiptMetrics ConvertFromSurrogate(in LearnerJsonSurrogate surrogate) => JsonSerializer.Deserialize<RiptMetrics>(surrogate.Json)!;
    public LearnerJsonSurrogate ConvertToSurrogate(in RiptMetrics value) => new(JsonSerializer.Serialize(value));
}
