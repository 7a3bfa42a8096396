using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Encoders;

/// <summary>One state encoder: normalise with the demos' statistics (buffers `mean`, `std`), then an MLP: (B × S) → (B × d).</summary>
public sealed class StateEncoder : Module<Tensor, Tensor>
{
    private readonly Tensor _mean;
    private readonly Tensor _std;

    public StateEncoder(int stateDim, int dModel, float[] mean, float[] std, Generator? generator = null)
    {
        if (mean.Length != stateDim || std.Length != stateDim)
            throw new ArgumentException($"state statistics have {mean.Length}/{std.Length} entries, StateDim is {stateDim}");
        _mean = RegisterBuffer("mean", Tensor.FromArray(mean));
        _std = RegisterBuffer("std", Tensor.FromArray(std));
        Mlp = Register("mlp", new Nn.Mlp(stateDim, dModel, dModel, null, null, generator));
    }

    public Nn.Mlp Mlp { get; }

    public override Tensor Forward(Tensor state)
    {
        using var scope = TensorScope.Open();
        var z = ((state - _mean) / _std).Clamp(-10, 10);
        return Mlp.Forward(z).MoveToOuter();
    }
}
