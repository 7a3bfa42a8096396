using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// One state encoder: normalise with the demos' statistics (buffers `mean`, `std`), zero the entries of absent fields,
/// append the fields' presence flags, then an MLP: (B × S) [+ (B × F)] → (B × d).
/// </summary>
public sealed class StateEncoder : Module<ObservationBatch, Tensor>
{
    private readonly Tensor _mean;
    private readonly Tensor _std;

    public StateEncoder(StateLayout layout, int dModel, float[] mean, float[] std, Generator? generator = null)
    {
        var stateDim = layout.Size;
        if (mean.Length != stateDim || std.Length != stateDim)
            throw new ArgumentException($"state statistics have {mean.Length}/{std.Length} entries, StateDim is {stateDim}");
        _mean = RegisterBuffer("mean", Tensor.FromArray(mean));
        _std = RegisterBuffer("std", Tensor.FromArray(std));
        Mlp = Register("mlp", new Nn.Mlp(stateDim + layout.FieldCount, dModel, dModel, null, null, generator));
    }

    public Nn.Mlp Mlp { get; }

    public override Tensor Forward(ObservationBatch batch)
    {
        using var scope = TensorScope.Open();
        var z = ((batch.States - _mean) / _std).Clamp(-10, 10);
        if (batch.Present is { } present)
            z = Tensor.Cat([z * batch.StateMask!, present], 1);
        return Mlp.Forward(z).MoveToOuter();
    }
}
