using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// A vision-language-action policy as RIPT sees it: act on a batch of observations, score past decisions, imitate
/// demonstrations, and move its weights as versioned bytes. The tokenized (QueST-like) and regression
/// (OpenVLA-OFT-like) families both implement it; grains and the RIPT update see nothing else.
/// </summary>
public interface IPolicy : IDisposable
{
    /// <summary>The family and sizes this policy was built with (saved as the checkpoint's config).</summary>
    PolicyConfig Config { get; }

    /// <summary>Entries per action (7 for the Panda, 4 for the Sawyer hand).</summary>
    int ActionDim { get; }

    /// <summary>Actions executed from each decision before the policy re-plans.</summary>
    int ExecuteSteps { get; }

    /// <summary>One batched forward for all envs: one decision per observation (no gradient is recorded).</summary>
    IReadOnlyList<PolicyDecision> Act(IReadOnlyList<PolicyObservation> batch, ActMode mode, Generator generator);

    /// <summary>log π of past decisions under the current weights, [N] (differentiable): the same sums <see cref="Act"/> reports.</summary>
    Tensor LogProb(IReadOnlyList<ScoredDecision> decisions);

    /// <summary>
    /// log π of each part of past decisions, N × P (differentiable), summing over P to <see cref="LogProb"/>: the tokens
    /// of a tokenized decision, the action steps of a regression chunk (the official code's PPO ratio granularity).
    /// One part per decision unless a family splits them.
    /// </summary>
    Tensor PartLogProbs(IReadOnlyList<ScoredDecision> decisions) => LogProb(decisions).Unsqueeze(1);

    /// <summary>The behaviour-cloning loss on demonstration windows (scalar, differentiable).</summary>
    Tensor BcLoss(IReadOnlyList<DemoWindow> batch);

    /// <summary>Parameters RIPT optimises (the prior or the action head; frozen parts excluded).</summary>
    IEnumerable<Tensor> RlParameters();

    /// <summary>
    /// <see cref="RlParameters"/> split into named groups that may learn at different rates (the official OFT config
    /// sets one rate for the backbone and another for the action head); one group "all" unless a family names its parts.
    /// </summary>
    IReadOnlyList<(string Name, IReadOnlyList<Tensor> Parameters)> RlParameterGroups() => [("all", RlParameters().ToList())];

    /// <summary>Every parameter, for supervised stages.</summary>
    IEnumerable<Tensor> Parameters();

    /// <summary>Weights (and normalisation statistics, vocabulary) as safetensors bytes, tagged with a version.</summary>
    byte[] ExportWeights(long version);

    /// <summary>Loads <see cref="ExportWeights"/> bytes; a mismatched family or shape is refused naming what differs. Returns the version.</summary>
    long ImportWeights(ReadOnlySpan<byte> weights);

    /// <summary>Switches dropout etc. between training and inference.</summary>
    void Train(bool on);
}
