using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.IreVla;

/// <summary>
/// iRe-VLA's critic: an MLP from the policy's frozen backbone features to one state value (the paper's critic mirrors the
/// action head with one output). Fresh at the start of every RL stage (Algorithm 1, line 4), seeded from the run.
/// </summary>
public sealed class ValueHead : Module<Tensor, Tensor>
{
    public ValueHead(int features, int hidden, Generator? generator = null)
    {
        Mlp = Register("mlp", new Nn.Mlp(features, hidden, 1, x => x.Tanh(), null, generator));
        using (Grad.Disabled())
        {
            // CleanRL's critic ends in a layer initialised with std 1; small output weights start V near 0 (no success seen yet).
            Mlp.Fc2.Weight.MulInPlace(0.01);
            Mlp.Fc2.Bias!.Fill(0.0);
        }
    }

    public Nn.Mlp Mlp { get; }

    /// <summary>V(s), N, from features N × F.</summary>
    public override Tensor Forward(Tensor features)
    {
        using var v = Mlp.Forward(features);
        return v.Squeeze(1);
    }
}
