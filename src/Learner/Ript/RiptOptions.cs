using RiptOrleans.Learner.Configuration;

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
    [Option("Rollouts per context", Min = 2)]
    public int K { get; init; } = 8;

    /// <summary>Samples (trajectories) in the batch D per iteration, a multiple of K (paper: QueST 16 x 180, OFT 192).</summary>
    [Option("Trajectories per iteration (a multiple of k)", Min = 2)]
    public int BatchSize { get; init; } = 64;

    /// <summary>PPO epochs over D (paper: QueST 20, OFT 1).</summary>
    [Option("PPO epochs per iteration", Min = 1, Max = 1000)]
    public int Epochs { get; init; } = 4;

    /// <summary>Trajectories per minibatch.</summary>
    [Option("Trajectories per minibatch", Min = 1)]
    public int MinibatchSize { get; init; } = 8;

    /// <summary>Minibatches whose gradients are summed before one optimizer step.</summary>
    [Option("Minibatches summed before one optimizer step", Min = 1, ConfigOnly = true)]
    public int GradientAccumulation { get; init; } = 1;

    /// <summary>PPO clip ε (paper: QueST 0.2, OFT 0.1).</summary>
    [Option("PPO clip ε", Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true)]
    public double ClipEpsilon { get; init; } = 0.2;

    /// <summary>Learning rate of the RL parameters (paper: QueST 1e-6; small models here tolerate more).</summary>
    [Option("Learning rate of the RL parameters", Flag = "--lr", Min = 0, Max = 1, MinExclusive = true)]
    public double LearningRate { get; init; } = 1e-5;

    /// <summary>Learning rates of named RL parameter groups (IPolicy.RlParameterGroups, e.g. head: 1e-5); other groups use LearningRate.</summary>
    [Option("Learning rate of a parameter group, name=value (repeatable), e.g. head=1e-5", Flag = "--group-lr", Min = 0, Max = 1, MinExclusive = true)]
    public IReadOnlyDictionary<string, double> GroupLearningRates { get; init; } = new Dictionary<string, double>();

    /// <summary>AdamW weight decay (official: 1e-4).</summary>
    [Option("AdamW weight decay", Min = 0, Max = 1, ConfigOnly = true)]
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Gradient-norm clip (official: 1.0).</summary>
    [Option("Gradient-norm clip (a huge value: no clipping)", Min = 0, Max = 1e12, MinExclusive = true, ConfigOnly = true)]
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>
    /// KL per decision (between the sampling policy and the one being updated) at which the iteration's PPO steps stop:
    /// before each optimizer step the minibatch's KL is measured and the update ends once it passes 1.5 × this (Spinning
    /// Up's PPO early stopping). It makes the step a distance in policy space rather than in weights, so one learning rate
    /// holds across parametrisations (a tighter Laplace scale or a sharper softmax turns the same weight change into a
    /// larger policy change). 0: off, every epoch runs.
    /// </summary>
    [Option("KL per decision at which an iteration's PPO steps stop (1.5 x this; 0: off)", Min = 0, Max = 100)]
    public double TargetKl { get; init; } = 0.02;

    /// <summary>
    /// With TargetKl: the learning rate follows the KL it produces (rsl_rl's and rl_games' adaptive schedule): each KL
    /// measured after a step of the iteration above 2 × TargetKl divides every group's rate by 1.5, one below TargetKl / 2
    /// multiplies it by 1.5, within [LearningRate / 100, LearningRate × 10] (per group). Without it a rate that moves the
    /// policy past the stop in one step spends the iteration on its first minibatch and drops the rest of the batch.
    /// The rate lives in the optimizer state, so it carries across iterations and resumes.
    /// </summary>
    [Option("Adapt the learning rate to the KL it produces (with --target-kl)")]
    public bool AdaptiveLr { get; init; } = true;

    [Option("PPO ratio over the whole trajectory or per decision")]
    public RatioMode Ratio { get; init; } = RatioMode.Trajectory;

    [Option("π_old log-probs recomputed before the first epoch or as recorded at sampling", ConfigOnly = true)]
    public OldLogProbSource OldLogProbs { get; init; } = OldLogProbSource.Recompute;

    /// <summary>Reject groups whose K rewards are all equal (dynamic sampling); off for the ablation.</summary>
    [Option("Reject all-equal groups (true/false)")]
    public bool DynamicRejection { get; init; } = true;

    /// <summary>
    /// Rollouts one collection phase may spend, as a multiple of BatchSize (the official code has no bound); when it runs
    /// out the update takes the groups accepted so far, or the run stops with the split when there are none.
    /// </summary>
    [Option("Rollouts one collection phase may spend, in batches' worth (then a partial batch, or a stop when none was accepted)", Min = 1, Max = 1_000_000)]
    public int RolloutBudget { get; init; } = 64;

    /// <summary>Success probability below which success counts as absent, and above 1 − this as certain (the phase then stops with its message).</summary>
    [Option("Success probability below which success counts as absent (above 1 - this: certain)", Min = 0, Max = 0.5, MinExclusive = true, MaxExclusive = true)]
    public double MinSuccessRate { get; init; } = 0.005;

    /// <summary>Confidence of the one-sided bound on the success probability behind MinSuccessRate.</summary>
    [Option("Confidence of the bound on the success probability behind min_success_rate", Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true, ConfigOnly = true)]
    public double SuccessConfidence { get; init; } = 0.95;

    /// <summary>Whole-trajectory log-ratios are clamped to ±this before exp, so one outlier cannot overflow the ratio.</summary>
    [Option("Clamp of whole-trajectory log-ratios before exp", Min = 0, Max = 700, MinExclusive = true, ConfigOnly = true)]
    public double MaxLogRatio { get; init; } = 20;

    /// <summary>Every declared range (finite numbers included) and the sizes that depend on each other; the message names the field and the value.</summary>
    public void Validate()
    {
        var errors = Problems();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors));
    }

    /// <summary>Every problem, one message each (empty when valid).</summary>
    public List<string> Problems()
    {
        var errors = OptionRules.Validate(this, "train");
        if (K >= 2 && BatchSize >= 1 && BatchSize % K != 0) errors.Add($"train.batch_size must be a positive multiple of train.k ({K}), got {BatchSize}");
        if (MinibatchSize > BatchSize) errors.Add($"train.minibatch_size must be in [1, {BatchSize}], got {MinibatchSize}");
        if (Ratio == RatioMode.PerToken && OldLogProbs != OldLogProbSource.Recompute)
            errors.Add("train.ratio per_token needs train.old_log_probs recompute (rollouts record one log-prob per decision, not per token)");
        return errors;
    }
}
