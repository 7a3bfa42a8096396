namespace RiptOrleans.Learner.Torch;

/// <summary>Probability distributions over tensors (torch.distributions); one file per distribution.</summary>
public static partial class Distributions
{
}
