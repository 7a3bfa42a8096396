using System.Text.Json.Nodes;

namespace RiptOrleans.Learner.Checkpoints;

/// <summary>
/// A checkpoint's state.json: where training stood (stage, step, policy version), RNG state, the sha256 of every
/// other file, and free-form state of the trainer that wrote it (SFT or RIPT: registry snapshots, counters).
/// </summary>
public sealed record CheckpointState
{
    public const string CurrentFormat = "riptorleans.checkpoint/1";

    public string Format { get; init; } = CurrentFormat;

    /// <summary>The training stage ("autoencoder", "prior", "action", "scale", "ript", …).</summary>
    public string Stage { get; init; } = "";

    /// <summary>Optimiser steps (SFT) or iterations (RIPT) done in that stage.</summary>
    public long Step { get; init; }

    /// <summary>The policy weight version (RIPT's policy_version).</summary>
    public long Version { get; init; }

    /// <summary>Generator state bytes (base64), or null.</summary>
    public string? Rng { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    /// <summary>sha256 (lower-case hex) of each file by name; filled by <see cref="Checkpoint.Save"/>.</summary>
    public Dictionary<string, string> Sha256 { get; init; } = new();

    /// <summary>String key/values for the writer's own state.</summary>
    public Dictionary<string, string> Extra { get; init; } = new();

    /// <summary>Arbitrary JSON state for the writer (e.g. a registry snapshot).</summary>
    public JsonNode? Custom { get; init; }
}
