using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// One policy's action normalisation: per action entry, (a − mean) / std with the demos' statistics (buffers `mean`,
/// `std`; identity when the policy was built without action statistics). Heads predict normalised actions, so every
/// entry weighs alike in the L1 loss and the scale head's log b lives in comparable units across entries.
/// </summary>
public sealed class ActionNormalizer : Module
{
    private readonly int _actionDim;

    public ActionNormalizer(int actionDim, float[]? mean, float[]? std)
    {
        _actionDim = actionDim;
        if (mean is not null && mean.Length != actionDim || std is not null && std.Length != actionDim)
            throw new ArgumentException($"action statistics have {mean?.Length}/{std?.Length} entries, ActionDim is {actionDim}");
        if (std is not null && std.Any(s => !(s > 0)))
            throw new ArgumentException("action std entries must be > 0");
        Mean = RegisterBuffer("mean", Tensor.FromArray(mean ?? new float[actionDim]));
        Std = RegisterBuffer("std", Tensor.FromArray(std ?? Enumerable.Repeat(1f, actionDim).ToArray()));
    }

    public Tensor Mean { get; }
    public Tensor Std { get; }

    /// <summary>Raw actions (… × L·A or … × L × A, last entries in action order) → normalised, same shape.</summary>
    public Tensor Normalize(Tensor raw)
    {
        using var scope = TensorScope.Open();
        var (shape, x) = Split(raw);
        return ((x - Mean) / Std).Reshape(shape).MoveToOuter();
    }

    /// <summary>Normalised actions → raw, same shape.</summary>
    public Tensor Denormalize(Tensor normalized)
    {
        using var scope = TensorScope.Open();
        var (shape, x) = Split(normalized);
        return (x * Std + Mean).Reshape(shape).MoveToOuter();
    }

    /// <summary>A normalised scale → raw units (scales only stretch: no mean).</summary>
    public Tensor DenormalizeScale(Tensor normalizedScale)
    {
        using var scope = TensorScope.Open();
        var (shape, x) = Split(normalizedScale);
        return (x * Std).Reshape(shape).MoveToOuter();
    }

    /// <summary>log std per entry of a (… × L·A) tensor's shape: log b_raw = log b_normalised + log std.</summary>
    public Tensor LogStd(Tensor like)
    {
        using var scope = TensorScope.Open();
        var (shape, x) = Split(like);
        return (x * 0.0 + Std.Log()).Reshape(shape).MoveToOuter();
    }

    private (long[] Shape, Tensor View) Split(Tensor t)
    {
        var shape = t.Shape;
        if (shape[^1] % _actionDim != 0)
            throw new ArgumentException($"a tensor of shape [{string.Join(", ", shape)}] does not hold whole actions of {_actionDim} entries");
        return (shape, t.Reshape(-1, _actionDim));
    }
}
