using System.Text.Json;
using RiptOrleans.Learner.Evaluation;

namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>TaskScore ⇄ its JSON.</summary>
[RegisterConverter]
public sealed class TaskScoreConverter : IConverter<TaskScore, LearnerJsonSurrogate>
{
    public TaskScore ConvertFromSurrogate(in LearnerJsonSurrogate surrogate) => JsonSerializer.Deserialize<TaskScore>(surrogate.Json)!;
    public LearnerJsonSurrogate ConvertToSurrogate(in TaskScore value) => new(JsonSerializer.Serialize(value));
}
