namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>
/// The wire form of a Learner record that messages carry (RiptOptions, RiptMetrics, TaskScore): its JSON. Learner knows
/// nothing of Orleans, and JSON keeps fields added there (new knobs, new metrics) flowing without renumbering here.
/// </summary>
[GenerateSerializer, Immutable, Alias("ript.LearnerJson")]
public readonly record struct LearnerJsonSurrogate([property: Id(0)] string Json);
