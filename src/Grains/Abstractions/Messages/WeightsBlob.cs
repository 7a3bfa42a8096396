namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>One published policy version of a run: safetensors bytes, their sha256, and the policy config replicas are built with.</summary>
/// <param name="PolicyConfig">PolicyConfigJson of the run's rollout policy (sampling knobs included).</param>
[GenerateSerializer, Immutable, Alias("ript.WeightsBlob")]
public sealed record WeightsBlob(
    [property: Id(0)] string RunId,
    [property: Id(1)] long Version,
    [property: Id(2)] byte[] Weights,
    [property: Id(3)] string Sha256,
    [property: Id(4)] string PolicyConfig);
