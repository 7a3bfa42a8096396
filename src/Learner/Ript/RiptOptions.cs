namespace RiptOrleans.Learner.Ript;

/// <summary>How the PPO ratio is formed: over the whole trajectory (paper Eq. 6, 8), per decision (chunk), or per token / action step (the official code's).</summary>
public enum RatioMode
{
    /// <summary>One ratio per trajectory: exp of the summed log-ratios of its decisions (paper Eq. 6, 8).</summary>
    Trajectory,

    /// <summary>One ratio per decision (a tokenized chunk's tokens or a regression chunk's steps summed).</summary>
    PerDecision,

    /// <summary>One ratio per token (tokenized: QueST's compute_act_logits) or per action step (regression: the OFT optimizer), as the official code.</summary>
    PerToken,
}

/// <summary>Where π_old's log-probs come from: recomputed under the sampling weights before the first epoch (official code) or as recorded at sampling.</summary>
public enum OldLogProbSource
{
    Recompute,
    Sampling,
}

/// <summary>Every knob of one RIPT iteration (dynamic-sampling LOOP), with the paper's values where it gives them.</summary>
public sealed record RiptOptions
{
    /// <summary>Rollouts per context (paper: QueST 16, OFT 8).</summary>
    public int K { get; init; } = 8;

    /// <summary>Samples (trajectories) in the batch D per iteration, a multiple of K (paper: QueST 16 x 180, OFT 192).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>PPO epochs over D (paper: QueST 20, OFT 1).</summary>
    public int Epochs { get; init; } = 4;

    /// <summary>Trajectories per minibatch.</summary>
    public int MinibatchSize { get; init; } = 8;

    /// <summary>Minibatches whose gradients are summed before one optimizer step.</summary>
    public int GradientAccumulation { get; init; } = 1;

    /// <summary>PPO clip ε (paper: QueST 0.2, OFT 0.1).</summary>
    public double ClipEpsilon { get; init; } = 0.2;

    /// <summary>Learning rate of the RL parameters (paper: QueST 1e-6; small models here tolerate more).</summary>
    public double LearningRate { get; init; } = 1e-5;

    /// <summary>Learning rates of named RL parameter groups (IPolicy.RlParameterGroups, e.g. head: 1e-5); other groups use LearningRate.</summary>
    public IReadOnlyDictionary<string, double> GroupLearningRates { get; init; } = new Dictionary<string, double>();

    /// <summary>AdamW weight decay (official: 1e-4).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Gradient-norm clip (official: 1.0).</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    public RatioMode Ratio { get; init; } = RatioMode.Trajectory;

    public OldLogProbSource OldLogProbs { get; init; } = OldLogProbSource.Recompute;

    /// <summary>Reject groups whose K rewards are all equal (dynamic sampling); off for the ablation.</summary>
    public bool DynamicRejection { get; init; } = true;

    /// <summary>
    /// Rollouts one collection phase may spend, as a multiple of BatchSize (the official code has no bound); when it runs
    /// out the update takes the groups accepted so far, or the run stops with the split when there are none.
    /// </summary>
    public int RolloutBudget { get; init; } = 64;

    /// <summary>Success probability below which success counts as absent, and above 1 − this as certain (the phase then stops with its message).</summary>
    public double MinSuccessRate { get; init; } = 0.005;

    /// <summary>Confidence of the one-sided bound on the success probability behind MinSuccessRate.</summary>
    public double SuccessConfidence { get; init; } = 0.95;

    /// <summary>Whole-trajectory log-ratios are clamped to ±this before exp, so one outlier cannot overflow the ratio.</summary>
    public double MaxLogRatio { get; init; } = 20;

    /// <summary>Checks derived sizes; the message names the field and the value.</summary>
    public void Validate()
    {
        if (K < 2) throw new ArgumentException($"train.k must be ≥ 2 (leave-one-out needs two rollouts), got {K}");
        if (BatchSize < K || BatchSize % K != 0) throw new ArgumentException($"train.batch_size must be a positive multiple of train.k ({K}), got {BatchSize}");
        if (Epochs < 1) throw new ArgumentException($"train.epochs must be ≥ 1, got {Epochs}");
        if (Ratio == RatioMode.PerToken && OldLogProbs != OldLogProbSource.Recompute)
            throw new ArgumentException("train.ratio per_token needs train.old_log_probs recompute (rollouts record one log-prob per decision, not per token)");
        if (MinibatchSize < 1 || MinibatchSize > BatchSize) throw new ArgumentException($"train.minibatch_size must be in [1, {BatchSize}], got {MinibatchSize}");
        if (GradientAccumulation < 1) throw new ArgumentException($"train.gradient_accumulation must be ≥ 1, got {GradientAccumulation}");
        if (ClipEpsilon is <= 0 or >= 1) throw new ArgumentException($"train.clip_epsilon must be in (0, 1), got {ClipEpsilon}");
        if (!(LearningRate > 0)) throw new ArgumentException($"train.learning_rate must be > 0, got {LearningRate}");
        foreach (var (group, lr) in GroupLearningRates)
            if (!(lr > 0)) throw new ArgumentException($"train.group_learning_rates.{group} must be > 0, got {lr}");
        if (RolloutBudget < 1) throw new ArgumentException($"train.rollout_budget must be ≥ 1 (batches' worth of rollouts), got {RolloutBudget}");
        if (MinSuccessRate is <= 0 or >= 0.5) throw new ArgumentException($"train.min_success_rate must be in (0, 0.5), got {MinSuccessRate}");
        if (SuccessConfidence is <= 0 or >= 1) throw new ArgumentException($"train.success_confidence must be in (0, 1), got {SuccessConfidence}");
    }
}
