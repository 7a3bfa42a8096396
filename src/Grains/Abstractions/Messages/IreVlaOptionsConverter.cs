using System.Text.Json;
using RiptOrleans.Learner.IreVla;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>IreVlaOptions ⇄ its JSON.</summary>
[RegisterConverter]
public sealed class IreVlaOptionsConverter : IConverter<IreVlaOptions, LearnerJsonSurrogate>
{
    public IreVlaOptions ConvertFromSurrogate(in LearnerJsonSurrogate surrogate) => JsonSerializer.Deserialize<IreVlaOptions>(surrogate.Json)!;
    public LearnerJsonSurrogate ConvertToSurrogate(in IreVlaOptions value) => new(JsonSerializer.Serialize(value));
}
