using System.Text.Json;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>RiptOptions ⇄ its JSON.</summary>
[RegisterConverter]
public sealed class RiptOptionsConverter : IConverter<RiptOptions, LearnerJsonSurrogate>
{
    public RiptOptions ConvertFromSurrogate(in LearnerJsonSurrogate surrogate) => JsonSerializer.Deserialize<RiptOptions>(surrogate.Json)!;
    public LearnerJsonSurrogate ConvertToSurrogate(in RiptOptions value) => new(JsonSerializer.Serialize(value));
}
