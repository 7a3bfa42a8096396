namespace RiptOrleans.Learner.Policies;

/// <summary>One supervised example: the observation at a demo step and the demonstrator's next actions (a chunk, zero-padded past the end).</summary>
/// <param name="Actions">ChunkLength x ActionDim target actions starting at this step.</param>
/// <param name="Valid">How many of the chunk's actions are real (the rest is padding past the demo's end).</param>
public sealed record DemoWindow(PolicyObservation Observation, float[] Actions, int Valid);
