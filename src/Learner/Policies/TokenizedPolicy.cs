using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// One QueST-like policy: observation encoders give context tokens; a causal transformer (the prior) predicts the
/// FSQ skill tokens of the next action chunk after a start token; the skill autoencoder decodes them. Stage
/// "autoencoder" trains the autoencoder (L1 reconstruction), stage "prior" the encoders and prior (cross entropy).
/// log π of a decision = Σ over its tokens of the log-prob under the distribution rollouts sample from: logits over
/// Temperature, restricted to the TopK most likely tokens and renormalised. (QueST's compute_act_logits scores the
/// full untempered softmax while sampling top-5: its PPO ratio is then not of the behaviour policy.)
/// </summary>
public sealed class TokenizedPolicy : Module, IPolicy, ISupervisedStages, IFrozenBackbone
{
    public const string AutoencoderStage = "autoencoder";
    public const string PriorStage = "prior";

    private readonly WordTokenizer _tokenizer;
    private readonly int _tokens, _vocab, _context;
    private readonly List<Nn.CausalTransformerBlock> _blocks = new();
    private string _stage = AutoencoderStage;

    /// <summary>A fresh policy; inputs carry the vocabulary and state statistics of the training demos.</summary>
    public TokenizedPolicy(PolicyConfig config, InputStatistics inputs, Generator? generator = null)
    {
        if (config.Kind != PolicyKind.Tokenized) throw new ArgumentException($"config.Kind is {config.Kind}, TokenizedPolicy needs Tokenized", nameof(config));
        PolicyConfigJson.Validate(config);
        Config = config;
        _tokenizer = inputs.Tokenizer;
        Observation = Register("observation", new ObservationEncoder(config, inputs, generator));
        Autoencoder = Register("autoencoder", new SkillAutoencoder(config, generator));
        _tokens = config.TokensPerChunk;
        _vocab = Autoencoder.Quantizer.Vocabulary;
        _context = Observation.ContextTokens;
        TokenEmbedding = Register("token_embedding", new Nn.Embedding(_vocab + 1, config.DModel, null, generator));
        PositionEmbedding = Register("position_embedding", new Nn.Embedding(_context + _tokens, config.DModel, null, generator));
        using (Grad.Disabled())
        {
            TokenEmbedding.Weight.MulInPlace(0.02);
            PositionEmbedding.Weight.MulInPlace(0.02);
        }
        var blocks = Register("blocks", new Nn.Sequential());
        for (var i = 0; i < config.Layers; i++)
        {
            var block = new Nn.CausalTransformerBlock(config.DModel, config.Heads, 4, null, generator);
            blocks.Add(block);
            _blocks.Add(block);
        }
        FinalNorm = Register("ln_f", new Nn.LayerNorm(config.DModel));
        Head = Register("head", new Nn.Linear(config.DModel, _vocab, true, null, generator));
        Actions = Register("action_norm", new ActionNormalizer(config.ActionDim, inputs.ActionMean, inputs.ActionStd));
    }

    public PolicyConfig Config { get; }
    public int ActionDim => Config.ActionDim;
    public int ExecuteSteps => Config.ExecuteSteps;
    public WordTokenizer Tokenizer => _tokenizer;
    public ObservationEncoder Observation { get; }
    public SkillAutoencoder Autoencoder { get; }
    public Nn.Embedding TokenEmbedding { get; }
    public Nn.Embedding PositionEmbedding { get; }
    public Nn.LayerNorm FinalNorm { get; }
    public Nn.Linear Head { get; }

    /// <summary>The demos' action statistics: the autoencoder works on normalised chunks, the env gets raw actions.</summary>
    public ActionNormalizer Actions { get; }

    /// <summary>Token vocabulary (the product of the FSQ levels); the start token is this id.</summary>
    public int Vocabulary => _vocab;

    public IReadOnlyList<string> Stages { get; } = [AutoencoderStage, PriorStage];

    public string Stage
    {
        get => _stage;
        set => _stage = Stages.Contains(value) ? value : throw new ArgumentException($"unknown stage '{value}'; stages are {string.Join(", ", Stages)}");
    }

    public IEnumerable<Tensor> StageParameters() => _stage == AutoencoderStage
        ? Autoencoder.Parameters()
        : Observation.Parameters().Concat(RlParameters());

    /// <summary>The prior: token and position embeddings, transformer blocks, final norm and head (QueST's policy_prior).</summary>
    public IEnumerable<Tensor> RlParameters() => TokenEmbedding.Parameters().Concat(PositionEmbedding.Parameters())
        .Concat(_blocks.SelectMany(b => b.Parameters())).Concat(FinalNorm.Parameters()).Concat(Head.Parameters());

    /// <summary>The prior's embeddings, transformer blocks, and final norm + head, each with its own RIPT learning rate if asked.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<Tensor> Parameters)> RlParameterGroups() =>
    [
        ("embeddings", TokenEmbedding.Parameters().Concat(PositionEmbedding.Parameters()).ToList()),
        ("blocks", _blocks.SelectMany(b => b.Parameters()).ToList()),
        ("head", FinalNorm.Parameters().Concat(Head.Parameters()).ToList()),
    ];

    IEnumerable<Tensor> IPolicy.Parameters() => Parameters();

    /// <summary>iRe-VLA's head: the final norm and the token logits; encoders, embeddings and transformer blocks are the backbone.</summary>
    public IReadOnlyList<Tensor> HeadParameters() => FinalNorm.Parameters().Concat(Head.Parameters()).ToList();

    /// <summary>The last block's output at the start token, before the final norm: what the head reads for a chunk's first token.</summary>
    public int FeatureSize => Config.DModel;

    public Tensor Features(IReadOnlyList<PolicyObservation> observations)
    {
        using var noGrad = Grad.Disabled();
        using var scope = TensorScope.Open();
        var obs = ObservationBatch.From(observations, Config, Observation.Layout, _tokenizer);
        var start = Torch.Torch.Full([observations.Count, 1], _vocab, DType.Int64);
        return PriorHidden(Observation.Forward(obs), start).Select(1, 0).MoveToOuter();
    }

    public string SupervisedStage => PriorStage;

    public Tensor HeadInputs(IReadOnlyList<ScoredDecision> decisions)
    {
        using var noGrad = Grad.Disabled();
        using var scope = TensorScope.Open();
        var target = Targets(decisions);
        var obs = ObservationBatch.From(decisions.Select(d => d.Observation).ToList(), Config, Observation.Layout, _tokenizer);
        return PriorHidden(Observation.Forward(obs), TeacherPrefix(target)).MoveToOuter();
    }

    public Tensor HeadLogProb(Tensor headInputs, IReadOnlyList<ScoredDecision> decisions)
    {
        using var scope = TensorScope.Open();
        var target = Targets(decisions);
        return TargetLogProbs(Head.Forward(FinalNorm.Forward(headInputs)), target).Sum(1).MoveToOuter();
    }

    /// <summary>The decisions' sampled tokens, N × TokensPerChunk, checked.</summary>
    private Tensor Targets(IReadOnlyList<ScoredDecision> decisions)
    {
        var tokens = new long[decisions.Count * _tokens];
        for (var i = 0; i < decisions.Count; i++)
        {
            var t = decisions[i].Tokens ?? throw new ArgumentException($"decision {i} has no tokens; a tokenized policy scores token sequences");
            if (t.Length != _tokens) throw new ArgumentException($"decision {i} has {t.Length} tokens, TokensPerChunk is {_tokens}");
            t.CopyTo(tokens, i * _tokens);
        }
        return Tensor.FromArray(tokens, decisions.Count, _tokens);
    }

    void IPolicy.Train(bool on) => Train(on);

    //---------------------------------- the prior ------------------------------------------------------

    /// <summary>Logits (B × k × V) of the next token after context tokens and the prefix [start, t1..t(k-1)] (B × k).</summary>
    private Tensor PriorLogits(Tensor context, Tensor prefix)
    {
        using var scope = TensorScope.Open();
        return Head.Forward(FinalNorm.Forward(PriorHidden(context, prefix))).MoveToOuter();
    }

    /// <summary>The last block's output (B × k × d) at the prefix positions, before the final norm.</summary>
    private Tensor PriorHidden(Tensor context, Tensor prefix)
    {
        using var scope = TensorScope.Open();
        var k = prefix.Size(1);
        var x = Tensor.Cat([context, TokenEmbedding.Forward(prefix)], 1);
        var positions = Torch.Torch.Arange(0, _context + k);
        x = x + PositionEmbedding.Forward(positions).Unsqueeze(0);
        if (IsTraining && Config.Dropout > 0) x = Functional.Dropout(x, Config.Dropout, true);
        foreach (var block in _blocks) x = block.Forward(x);
        return x.Slice(1, _context, _context + k).MoveToOuter();
    }

    /// <summary>Prefix [start, tokens[:, :-1]] (B × n) of full token rows (B × n).</summary>
    private Tensor TeacherPrefix(Tensor tokens)
    {
        using var scope = TensorScope.Open();
        var b = tokens.Size(0);
        var start = Torch.Torch.Full([b, 1], _vocab, DType.Int64);
        return Tensor.Cat([start, tokens.Slice(1, 0, _tokens - 1)], 1).MoveToOuter();
    }

    //---------------------------------- IPolicy -------------------------------------------------------

    public IReadOnlyList<PolicyDecision> Act(IReadOnlyList<PolicyObservation> batch, ActMode mode, Generator generator)
    {
        using var noGrad = Grad.Disabled();
        using var scope = TensorScope.Open();
        var obs = ObservationBatch.From(batch, Config, Observation.Layout, _tokenizer);
        var n = batch.Count;
        var (decoded, logProb) = Decode(Observation.Forward(obs), mode, generator);
        var tokens = decoded.ToArray<long>();
        var chunks = Actions.Denormalize(Autoencoder.DecodeTokens(tokens, n)).ToArray<float>();
        var lp = logProb.ToArray<float>();
        var chunkSize = Config.ChunkLength * ActionDim;
        var result = new PolicyDecision[n];
        for (var i = 0; i < n; i++)
        {
            var actions = new float[ExecuteSteps * ActionDim];
            for (var e = 0; e < actions.Length; e++) actions[e] = Math.Clamp(chunks[i * chunkSize + e], -1f, 1f);
            result[i] = new PolicyDecision(actions, tokens.AsSpan(i * _tokens, _tokens).ToArray(), null, lp[i]);
        }
        return result;
    }

    /// <summary>
    /// The skill tokens (B × TokensPerChunk) of one chunk per context row, drawn one after another from the sampling
    /// distribution (greedy: each step's argmax), and their summed log-probs (B) under that distribution, as LogProb
    /// re-scores them (greedy decisions too).
    /// </summary>
    private (Tensor Tokens, Tensor LogProb) Decode(Tensor context, ActMode mode, Generator? generator)
    {
        using var scope = TensorScope.Open();
        var n = context.Size(0);
        var prefix = Torch.Torch.Full([n, 1], _vocab, DType.Int64);
        var logProb = Torch.Torch.Zeros([n]);
        for (var j = 0; j < _tokens; j++)
        {
            var logits = PriorLogits(context, prefix).Select(1, j);
            using var dist = new Distributions.Categorical(SamplingLogits(logits));
            var next = mode == ActMode.Greedy ? logits.ArgMax(-1) : dist.Sample(generator);
            logProb = logProb + dist.LogProb(next);
            prefix = Tensor.Cat([prefix, next.Unsqueeze(1)], 1);
        }
        return (prefix.Slice(1, 1, _tokens + 1).Contiguous().MoveToOuter(), logProb.MoveToOuter());
    }

    public Tensor LogProb(IReadOnlyList<ScoredDecision> decisions)
    {
        using var scope = TensorScope.Open();
        return TokenLogProbs(decisions).Sum(1).MoveToOuter();
    }

    /// <summary>The tokens of each decision are its parts.</summary>
    public Tensor PartLogProbs(IReadOnlyList<ScoredDecision> decisions) => TokenLogProbs(decisions);

    /// <summary>
    /// Per-token log-probs (N × TokensPerChunk) under the sampling distribution (<see cref="SamplingLogits"/>),
    /// differentiable: the official code's per-token PPO ratio.
    /// </summary>
    public Tensor TokenLogProbs(IReadOnlyList<ScoredDecision> decisions)
    {
        using var scope = TensorScope.Open();
        var target = Targets(decisions);
        var obs = ObservationBatch.From(decisions.Select(d => d.Observation).ToList(), Config, Observation.Layout, _tokenizer);
        return TargetLogProbs(PriorLogits(Observation.Forward(obs), TeacherPrefix(target)), target).MoveToOuter();
    }

    /// <summary>Log-probs (N × TokensPerChunk) of the target tokens under the sampling distribution of the prior's logits (N × TokensPerChunk × V).</summary>
    private Tensor TargetLogProbs(Tensor logits, Tensor target)
    {
        using var scope = TensorScope.Open();
        return Functional.LogSoftmax(SamplingLogits(logits), -1).Gather(2, target.Unsqueeze(2)).Squeeze(2).MoveToOuter();
    }

    /// <summary>Below the top-k logits: far enough that exp underflows to 0 in float32, finite so a log-ratio never is ±∞ or NaN.</summary>
    private const double OutsideTopK = 1e4;

    /// <summary>
    /// The logits (… × V) of the distribution rollouts sample tokens from: the prior's logits over Temperature, and,
    /// with 0 &lt; TopK &lt; V, every token below the k-th largest pushed down by <see cref="OutsideTopK"/> (its probability
    /// is exactly 0 in float32). The push is finite and differentiable, so a token that an update moved out of the
    /// top-k still gets a finite log-prob and its PPO ratio is ~0 rather than NaN.
    /// </summary>
    private Tensor SamplingLogits(Tensor logits)
    {
        using var scope = TensorScope.Open();
        var z = Config.Temperature == 1.0 ? logits.Alias() : logits / Config.Temperature;
        if (Config.TopK <= 0 || Config.TopK >= _vocab) return z.MoveToOuter();
        Tensor kth;
        using (Grad.Disabled()) kth = z.TopK(Config.TopK, -1).Values.Slice(z.Shape.Length - 1, Config.TopK - 1, Config.TopK);
        return Tensor.Where(z.Ge(kth), z, z - OutsideTopK).MoveToOuter();
    }

    public Tensor BcLoss(IReadOnlyList<DemoWindow> batch)
    {
        using var scope = TensorScope.Open();
        var b = DemoWindowBatch.From(batch, Config, Observation.Layout, _tokenizer);
        var chunks = Actions.Normalize(b.Chunks);
        if (_stage == AutoencoderStage)
        {
            var recon = Autoencoder.Decode(Autoencoder.Encode(chunks));
            return Functional.L1Loss(recon, chunks).MoveToOuter();
        }
        Tensor target;
        using (Grad.Disabled()) target = Autoencoder.Tokenize(chunks);
        var logits = PriorLogits(Observation.Forward(b.Observations), TeacherPrefix(target));
        return Functional.CrossEntropy(logits.Reshape(-1, _vocab), target.Reshape(-1)).MoveToOuter();
    }

    /// <summary>
    /// How the prior's token distributions (teacher-forced, inference mode) compare with the demos' tokens on windows: the
    /// fraction whose argmax is the demo's token, the mean probability of the argmax, the mean probability of the
    /// demo's token, and the mean probability that a rollout (the sampling distribution: temperature, top-k) draws the
    /// greedy chunk, all its tokens decoded greedily from the start token. A rollout of D decisions follows the greedy
    /// policy with probability about GreedyChunk^D; where that is small, sampled and greedy success rates part.
    /// </summary>
    public (double Accuracy, double MeanTop1, double MeanTarget, double GreedyChunk) PriorCalibration(IReadOnlyList<DemoWindow> windows)
    {
        var training = IsTraining;
        Train(false);
        try
        {
            using var noGrad = Grad.Disabled();
            using var scope = TensorScope.Open();
            var b = DemoWindowBatch.From(windows, Config, Observation.Layout, _tokenizer);
            var target = Autoencoder.Tokenize(Actions.Normalize(b.Chunks));
            var context = Observation.Forward(b.Observations);
            var p = Functional.Softmax(PriorLogits(context, TeacherPrefix(target)), -1);
            var (top, arg) = p.TopK(1, -1);
            var accuracy = arg.Squeeze(-1).Eq(target).To(DType.Float32).Mean().Item();
            var (_, greedyLogProb) = Decode(context, ActMode.Greedy, null);
            return (accuracy, top.Mean().Item(), p.Gather(2, target.Unsqueeze(2)).Mean().Item(), greedyLogProb.Exp().Mean().Item());
        }
        finally
        {
            Train(training);
        }
    }

    public byte[] ExportWeights(long version) => PolicyWeights.Export(this, Config, _tokenizer, version);

    public long ImportWeights(ReadOnlySpan<byte> weights) => PolicyWeights.Import(this, Config, _tokenizer, weights);
}
