namespace RiptOrleans.Learner.Policies;

/// <summary>What a policy sees at one decision point of one env: state floats, optional camera frames, the instruction.</summary>
/// <param name="State">The task's state observation (ObservationSpec layout: proprioception, then object poses).</param>
/// <param name="Images">Camera frames, cameras x H x W x 3 RGB bytes top row first; null for state-only policies.</param>
/// <param name="Instruction">The language instruction (a real input: the word tokenizer turns it into embeddings).</param>
/// <param name="Fields">
/// The named fields of <paramref name="State"/> in order (the task's ObservationSpec.Fields). A policy that reads named
/// fields gathers them by name, so one index means one object across the tasks of a suite; null when State is already
/// in the policy's own layout.
/// </param>
public sealed record PolicyObservation(float[] State, byte[]? Images, string Instruction, IReadOnlyList<(string Name, int Size)>? Fields = null);
