namespace RiptOrleans.Learner.Policies;

/// <summary>How a policy chooses actions: sampling for rollouts, the mode/mean for evaluation.</summary>
public enum ActMode
{
    /// <summary>Stochastic: tokens by temperature/top-k sampling, continuous actions from the Laplace head.</summary>
    Sample,

    /// <summary>Deterministic: argmax tokens, or the regression head's mean.</summary>
    Greedy,
}
