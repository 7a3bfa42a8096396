using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// Finite scalar quantisation (Mentzer et al. 2023, as QueST uses it): each latent entry is bounded by tanh to its
/// level count and rounded, with a straight-through gradient. Codes are normalised to [-1, 1]; a token is the
/// mixed-radix number of the per-entry levels, so the vocabulary is the product of the levels.
/// </summary>
public sealed class FiniteScalarQuantizer
{
    private readonly int[] _levels;
    private readonly long[] _basis;
    private readonly float[] _halfL, _offset, _shift, _halfWidth;

    public FiniteScalarQuantizer(IReadOnlyList<int> levels)
    {
        if (levels.Count == 0 || levels.Any(l => l < 2))
            throw new ArgumentException($"FSQ levels must be ≥ 2 each, got [{string.Join(", ", levels)}]", nameof(levels));
        _levels = levels.ToArray();
        _basis = new long[_levels.Length];
        long b = 1;
        for (var i = 0; i < _levels.Length; i++)
        {
            _basis[i] = b;
            b *= _levels[i];
        }
        Vocabulary = checked((int)b);
        const double eps = 1e-3;
        _halfL = _levels.Select(l => (float)((l - 1) * (1 - eps) / 2)).ToArray();
        _offset = _levels.Select(l => l % 2 == 0 ? 0.5f : 0f).ToArray();
        _shift = _levels.Select((l, i) => (float)Math.Atanh(_offset[i] / _halfL[i])).ToArray();
        _halfWidth = _levels.Select(l => (float)(l / 2)).ToArray();
    }

    /// <summary>Latent entries per token.</summary>
    public int Dim => _levels.Length;

    /// <summary>Distinct tokens.</summary>
    public int Vocabulary { get; }

    /// <summary>Quantises z (… × Dim) to normalised codes (… × Dim), straight-through in z.</summary>
    public Tensor Quantize(Tensor z)
    {
        using var scope = TensorScope.Open();
        var bounded = (z + Tensor.FromArray(_shift)).Tanh() * Tensor.FromArray(_halfL) - Tensor.FromArray(_offset);
        var rounded = bounded + (bounded.Round() - bounded).Detach();
        return (rounded / Tensor.FromArray(_halfWidth)).MoveToOuter();
    }

    /// <summary>Tokens (… ) int64 of normalised codes (… × Dim).</summary>
    public Tensor CodesToTokens(Tensor codes)
    {
        using var scope = TensorScope.Open();
        var hw = Tensor.FromArray(_halfWidth);
        var digits = (codes * hw + hw).Round();
        var basis = Tensor.FromArray(_basis.Select(x => (float)x).ToArray());
        return (digits * basis).Sum(-1).Round().To(DType.Int64).MoveToOuter();
    }

    /// <summary>Normalised codes (count × Dim, row-major) of tokens.</summary>
    public float[] TokensToCodes(ReadOnlySpan<long> tokens)
    {
        var codes = new float[tokens.Length * Dim];
        for (var t = 0; t < tokens.Length; t++)
        {
            if (tokens[t] < 0 || tokens[t] >= Vocabulary)
                throw new ArgumentOutOfRangeException(nameof(tokens), tokens[t], $"token outside the FSQ vocabulary [0, {Vocabulary})");
            for (var i = 0; i < Dim; i++)
            {
                var digit = tokens[t] / _basis[i] % _levels[i];
                codes[t * Dim + i] = (digit - _halfWidth[i]) / _halfWidth[i];
            }
        }
        return codes;
    }
}
