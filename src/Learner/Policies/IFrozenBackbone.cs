using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// A policy seen as a frozen backbone plus a small action head, as iRe-VLA's RL stage sees it: what the head is (the only
/// parameters the RL stage trains), the backbone's features that a value head reads, and the supervised stage that trains
/// the whole policy again afterwards.
/// </summary>
public interface IFrozenBackbone
{
    /// <summary>Parameters of the action head: all the RL stage trains (encoders and trunk stay frozen).</summary>
    IReadOnlyList<Tensor> HeadParameters();

    /// <summary>Entries of one observation's feature vector.</summary>
    int FeatureSize { get; }

    /// <summary>The frozen backbone's features of an observation batch, N × FeatureSize, without gradient and without dropout.</summary>
    Tensor Features(IReadOnlyList<PolicyObservation> observations);

    /// <summary>
    /// What the head reads for past decisions, computed once by the frozen backbone (no gradient): the trunk's features
    /// (regression), the last block's outputs at every token position of the decision's teacher-forced prefix (tokenized).
    /// The RL stage caches them, so its epochs run the head only (the paper's cached-latent trick, fact sheet §3).
    /// </summary>
    Tensor HeadInputs(IReadOnlyList<ScoredDecision> decisions);

    /// <summary>log π of the decisions from their <see cref="HeadInputs"/>, [N], differentiable in the head: equal to <see cref="IPolicy.LogProb"/>.</summary>
    Tensor HeadLogProb(Tensor headInputs, IReadOnlyList<ScoredDecision> decisions);

    /// <summary>The supervised stage (<see cref="ISupervisedStages"/>) whose loss and parameters train the policy on demos: the family's main SFT stage.</summary>
    string SupervisedStage { get; }
}
