using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// One OpenVLA-OFT-like policy: observation encoders → residual MLP trunk → action head predicting the chunk μ in
/// normalised action units (L1 loss, stage "action"); a scale head on the trunk's (detached) features predicts log b,
/// clipped to LogScaleClip, trained by Laplace NLL with μ frozen (stage "scale", the paper's unreleased step). Sample
/// draws Laplace(μ, b·Temperature), Greedy returns μ; log π = Σ over the chunk's entries of log Laplace(a; μ, b·Temperature),
/// as a density over raw action units: the log-prob of the distribution that was sampled. (The official code scores
/// samples drawn with b × 5 under the unscaled b, so its PPO ratio is not an importance ratio of the rollout policy:
/// one step moved our policy 1.45 nats per decision that way.)
/// </summary>
public sealed class RegressionPolicy : Module, IPolicy, ISupervisedStages, IFrozenBackbone
{
    public const string ActionStage = "action";
    public const string ScaleStage = "scale";

    private readonly WordTokenizer _tokenizer;
    private readonly int _flat;
    private string _stage = ActionStage;

    public RegressionPolicy(PolicyConfig config, InputStatistics inputs, Generator? generator = null)
    {
        if (config.Kind != PolicyKind.Regression) throw new ArgumentException($"config.Kind is {config.Kind}, RegressionPolicy needs Regression", nameof(config));
        PolicyConfigJson.Validate(config);
        Config = config;
        _tokenizer = inputs.Tokenizer;
        _flat = config.ChunkLength * config.ActionDim;
        Observation = Register("observation", new ObservationEncoder(config, inputs, generator));
        var hidden = 2 * config.DModel;
        var trunk = new Nn.Sequential(new Nn.Linear(Observation.ContextTokens * config.DModel, hidden, true, null, generator));
        for (var i = 0; i < config.Layers; i++)
            trunk.Add(new Nn.ResidualBlock(hidden, 2, config.Dropout, null, generator));
        trunk.Add(new Nn.LayerNorm(hidden));
        Trunk = Register("trunk", trunk);
        ActionHead = Register("action_head", new Nn.Linear(hidden, _flat, true, null, generator));
        ScaleHead = Register("scale_head", new Nn.Mlp(hidden, hidden, _flat, null, null, generator));
        Actions = Register("action_norm", new ActionNormalizer(config.ActionDim, inputs.ActionMean, inputs.ActionStd));
        using (Grad.Disabled())
        {
            // OFT's LaplaceScaleHead: small output weights, bias −3 (b ≈ 0.05 before training)
            ScaleHead.Fc2.Weight.MulInPlace(0.01);
            ScaleHead.Fc2.Bias!.Fill(-3.0);
        }
    }
    public PolicyConfig Config { get; }
    public int ActionDim => Config.ActionDim;
    public int ExecuteSteps => Config.ExecuteSteps;
    public WordTokenizer Tokenizer => _tokenizer;
    public ObservationEncoder Observation { get; }
    public Nn.Sequential Trunk { get; }
    public Nn.Linear ActionHead { get; }
    public Nn.Mlp ScaleHead { get; }

    /// <summary>The demos' action statistics: heads work in normalised units, the env gets raw actions.</summary>
    public ActionNormalizer Actions { get; }

    public IReadOnlyList<string> Stages { get; } = [ActionStage, ScaleStage];

    public string Stage
    {
        get => _stage;
        set => _stage = Stages.Contains(value) ? value : throw new ArgumentException($"unknown stage '{value}'; stages are {string.Join(", ", Stages)}");
    }

    public IEnumerable<Tensor> StageParameters() => _stage == ActionStage ? RlParameters() : ScaleHead.Parameters();

    /// <summary>Everything but the scale head (frozen during RIPT, as fix_scale_head in every released config).</summary>
    public IEnumerable<Tensor> RlParameters() => Observation.Parameters().Concat(Trunk.Parameters()).Concat(ActionHead.Parameters());

    /// <summary>The observation encoder, the trunk and the action head, each with its own RIPT learning rate if asked.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<Tensor> Parameters)> RlParameterGroups() =>
        [("encoder", Observation.Parameters().ToList()), ("trunk", Trunk.Parameters().ToList()), ("head", ActionHead.Parameters().ToList())];

    IEnumerable<Tensor> IPolicy.Parameters() => Parameters();

    /// <summary>iRe-VLA's head: the action head (the scale head stays frozen, as in RIPT; encoders and trunk are the backbone).</summary>
    public IReadOnlyList<Tensor> HeadParameters() => ActionHead.Parameters().ToList();

    /// <summary>The trunk's output, the features both heads read.</summary>
    public int FeatureSize => 2 * Config.DModel;

    public Tensor Features(IReadOnlyList<PolicyObservation> observations)
    {
        using var noGrad = Grad.Disabled();
        using var scope = TensorScope.Open();
        return Trunk.Forward(Observation.Forward(Batch(observations)).Flatten(1)).MoveToOuter();
    }

    public string SupervisedStage => ActionStage;

    public Tensor HeadInputs(IReadOnlyList<ScoredDecision> decisions) => Features(decisions.Select(d => d.Observation).ToList());

    public Tensor HeadLogProb(Tensor headInputs, IReadOnlyList<ScoredDecision> decisions)
    {
        using var scope = TensorScope.Open();
        var mu = ActionHead.Forward(headInputs);
        var logB = ScaleHead.Forward(headInputs).Clamp(Config.LogScaleClip.Lo, Config.LogScaleClip.Hi);
        return EntryLogProbs(Actions.Normalize(SampledChunks(decisions)), mu, RolloutLogScale(logB)).Sum(1).MoveToOuter();
    }

    /// <summary>The decisions' sampled chunks, N × ChunkLength·ActionDim, checked.</summary>
    private Tensor SampledChunks(IReadOnlyList<ScoredDecision> decisions)
    {
        var sampled = new float[decisions.Count * _flat];
        for (var i = 0; i < decisions.Count; i++)
        {
            var s = decisions[i].Sampled ?? throw new ArgumentException($"decision {i} has no sampled chunk; a regression policy scores continuous chunks");
            if (s.Length != _flat) throw new ArgumentException($"decision {i} has {s.Length} sampled entries, ChunkLength x ActionDim is {_flat}");
            s.CopyTo(sampled, i * _flat);
        }
        return Tensor.FromArray(sampled, decisions.Count, _flat);
    }

    void IPolicy.Train(bool on) => Train(on);

    /// <summary>
    /// μ (B × L·A) and log b (B × L·A) of an observation batch in normalised action units, log b clipped to LogScaleClip
    /// unless raw (the NLL stage needs its gradient).
    /// </summary>
    private (Tensor Mu, Tensor LogScale) Heads(ObservationBatch obs, bool detachScaleInput, bool raw = false)
    {
        using var scope = TensorScope.Open();
        var ctx = Observation.Forward(obs).Flatten(1);
        if (IsTraining && Config.Dropout > 0) ctx = Functional.Dropout(ctx, Config.Dropout, true);
        var h = Trunk.Forward(ctx);
        var mu = ActionHead.Forward(h);
        var logB = ScaleHead.Forward(detachScaleInput ? h.Detach() : h);
        if (!raw) logB = logB.Clamp(Config.LogScaleClip.Lo, Config.LogScaleClip.Hi);
        return (mu.MoveToOuter(), logB.MoveToOuter());
    }

    /// <summary>
    /// Per-entry log Laplace(x; μ, b) = −log b − |x − μ|/b − log 2 of normalised x, μ, log b (B × L·A), as a density over
    /// raw actions: − log std of each entry (the normalisation's Jacobian).
    /// </summary>
    private Tensor EntryLogProbs(Tensor x, Tensor mu, Tensor logB)
    {
        using var scope = TensorScope.Open();
        return (-logB - (x - mu).Abs() / logB.Exp() - Math.Log(2) - Actions.LogStd(x)).MoveToOuter();
    }

    /// <summary>log(b·Temperature): the scale rollouts sample with and are scored under.</summary>
    private Tensor RolloutLogScale(Tensor logB) => Config.Temperature == 1.0 ? logB : logB + Math.Log(Config.Temperature);

    private ObservationBatch Batch(IReadOnlyList<PolicyObservation> observations) => ObservationBatch.From(observations, Config, Observation.Layout, _tokenizer);

    public IReadOnlyList<PolicyDecision> Act(IReadOnlyList<PolicyObservation> batch, ActMode mode, Generator generator)
    {
        using var noGrad = Grad.Disabled();
        using var scope = TensorScope.Open();
        var (mu, clipped) = Heads(Batch(batch), false);
        var logB = RolloutLogScale(clipped);
        var chunk = mode == ActMode.Greedy ? mu : new Distributions.Laplace(mu, logB.Exp()).Sample(generator);
        var lp = EntryLogProbs(chunk, mu, logB).Sum(1).ToArray<float>();
        var values = Actions.Denormalize(chunk).ToArray<float>();
        var result = new PolicyDecision[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var sampled = values.AsSpan(i * _flat, _flat).ToArray();
            var actions = new float[ExecuteSteps * ActionDim];
            for (var e = 0; e < actions.Length; e++) actions[e] = Math.Clamp(sampled[e], -1f, 1f);
            result[i] = new PolicyDecision(actions, null, sampled, lp[i]);
        }
        return result;
    }

    public Tensor LogProb(IReadOnlyList<ScoredDecision> decisions)
    {
        using var scope = TensorScope.Open();
        return StepLogProbs(decisions).Sum(1).MoveToOuter();
    }

    /// <summary>The executed action steps of each chunk are its parts.</summary>
    public Tensor PartLogProbs(IReadOnlyList<ScoredDecision> decisions) => StepLogProbs(decisions);

    /// <summary>Per-action log-probs (N × ChunkLength), summed over action dims (the official sum_on_action_dim), differentiable.</summary>
    public Tensor StepLogProbs(IReadOnlyList<ScoredDecision> decisions)
    {
        using var scope = TensorScope.Open();
        var sampled = SampledChunks(decisions);
        var (mu, logB) = Heads(Batch(decisions.Select(d => d.Observation).ToList()), false);
        var lp = EntryLogProbs(Actions.Normalize(sampled), mu, RolloutLogScale(logB));
        return lp.Reshape(decisions.Count, Config.ChunkLength, ActionDim).Sum(2).MoveToOuter();
    }

    public Tensor BcLoss(IReadOnlyList<DemoWindow> batch)
    {
        using var scope = TensorScope.Open();
        var b = DemoWindowBatch.From(batch, Config, Observation.Layout, _tokenizer);
        var target = Actions.Normalize(b.Chunks.Reshape(batch.Count, -1));
        var mask = b.Mask.Expand(-1, -1, ActionDim).Reshape(batch.Count, -1);
        var (mu, logB) = Heads(b.Observations, true, raw: _stage == ScaleStage);
        var perEntry = _stage == ActionStage
            ? (mu - target).Abs()
            // Laplace NLL with μ frozen: only the scale head learns
            : logB + (target - mu.Detach()).Abs() / logB.Exp() + Math.Log(2);
        return ((perEntry * mask).Sum() / mask.Sum()).MoveToOuter();
    }

    /// <summary>
    /// How the scale head's Laplace b (clipped, normalised units) compares with the action head's error on windows, in
    /// inference mode: mean b, mean |a − μ| (b of a calibrated head matches it) and the fraction of entries at the clip floor.
    /// </summary>
    public (double MeanScale, double MeanAbsError, double AtFloor) ScaleCalibration(IReadOnlyList<DemoWindow> windows)
    {
        var training = IsTraining;
        Train(false);
        try
        {
            using var noGrad = Grad.Disabled();
            using var scope = TensorScope.Open();
            var b = DemoWindowBatch.From(windows, Config, Observation.Layout, _tokenizer);
            var target = Actions.Normalize(b.Chunks.Reshape(windows.Count, -1));
            var mask = b.Mask.Expand(-1, -1, ActionDim).Reshape(windows.Count, -1);
            var (mu, logB) = Heads(b.Observations, true);
            var n = mask.Sum().Item();
            var floor = logB.Le(Config.LogScaleClip.Lo + 1e-6).To(DType.Float32);
            return ((logB.Exp() * mask).Sum().Item() / n, ((target - mu).Abs() * mask).Sum().Item() / n, (floor * mask).Sum().Item() / n);
        }
        finally
        {
            Train(training);
        }
    }

    public byte[] ExportWeights(long version) => PolicyWeights.Export(this, Config, _tokenizer, version);

    public long ImportWeights(ReadOnlySpan<byte> weights) => PolicyWeights.Import(this, Config, _tokenizer, weights);
}
