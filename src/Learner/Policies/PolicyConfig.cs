namespace RiptOrleans.Learner.Policies;

/// <summary>The two action-head families of DESIGN §1.</summary>
public enum PolicyKind
{
    /// <summary>QueST-like: a skill autoencoder turns action chunks into discrete tokens; a causal transformer predicts them.</summary>
    Tokenized,

    /// <summary>OpenVLA-OFT-like: an L1-trained action chunk head plus a Laplace scale head for sampling and scoring.</summary>
    Regression,
}

/// <summary>The architecture and interface sizes of a policy; written to a checkpoint's config.json and checked on load.</summary>
/// <param name="StateDim">Size of the state observation the policy reads.</param>
/// <param name="ChunkLength">Actions predicted per decision (QueST: 32 decoded, OFT: 8).</param>
/// <param name="ExecuteSteps">Actions executed per decision before re-planning (QueST: 8).</param>
/// <param name="Cameras">Cameras the policy reads; empty for state-only policies.</param>
public sealed record PolicyConfig(PolicyKind Kind, int StateDim, int ActionDim, int ChunkLength, int ExecuteSteps,
    IReadOnlyList<string> Cameras, int ImageSize = 128)
{
    /// <summary>
    /// The named state fields the policy reads, in order (their sizes sum to StateDim): observations are gathered by
    /// these names, so one index means one object across a suite's tasks and a selection (proprio only) drops the rest.
    /// Null: the state is read by position, zero-padded to StateDim.
    /// </summary>
    public IReadOnlyList<StateField>? StateFields { get; init; }

    /// <summary>Width of the transformer / hidden layers.</summary>
    public int DModel { get; init; } = 128;

    public int Layers { get; init; } = 2;

    public int Heads { get; init; } = 4;

    public double Dropout { get; init; } = 0.1;

    /// <summary>Tokenized head: discrete tokens per chunk.</summary>
    public int TokensPerChunk { get; init; } = 4;

    /// <summary>Tokenized head: finite scalar quantisation levels per latent dimension (vocabulary = their product).</summary>
    public IReadOnlyList<int> FsqLevels { get; init; } = [8, 5, 5, 5];

    /// <summary>Tokenized head: top-k of rollout sampling (the official code uses 5).</summary>
    public int TopK { get; init; } = 5;

    /// <summary>Sampling temperature (tokens) or Laplace scale multiplier (regression; official ×5 or ×2).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>
    /// Regression head: clip of the log Laplace scale, in normalised action units (official: [-2, 0.5] on actions scaled
    /// to [-1, 1]). The floor only guards the arithmetic: at −2 it sat above the scale the NLL stage learns for well-fitted
    /// entries (b ≥ 0.135 where the demos' noise is ~0.05), so sampled rollouts were noisier than anything in the demos.
    /// </summary>
    public (double Lo, double Hi) LogScaleClip { get; init; } = (-5.0, 0.5);
}
