using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// A policy trained by supervised stages in order (tokenized: "autoencoder" then "prior"; regression: "action" then
/// "scale"). <see cref="IPolicy.BcLoss"/> is the loss of the current stage and <see cref="StageParameters"/> what it trains.
/// </summary>
public interface ISupervisedStages
{
    /// <summary>The stage names in training order.</summary>
    IReadOnlyList<string> Stages { get; }

    /// <summary>The stage BcLoss computes; setting an unknown name throws listing the stages.</summary>
    string Stage { get; set; }

    /// <summary>Parameters the current stage trains (the rest is frozen for it).</summary>
    IEnumerable<Tensor> StageParameters();
}
