using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>Categorical, Normal and Laplace against their closed forms.</summary>
[Trait("Category", "Fast")]
public sealed class DistributionsTests
{
    [Fact]
    public void CategoricalLogProb_WithTemperature_MatchesClosedForm()
    {
        using var scope = TensorScope.Open();
        var z = new[] { 1.0, 2.0, 4.0 };
        const double T = 2.0;
        using var c = new Distributions.Categorical(Tensor.FromArray(z, 1, 3), T);
        var lp = c.LogProb(Tensor.FromArray(new long[] { 1 })).ToArray<double>()[0];
        var lse = Math.Log(z.Sum(v => Math.Exp(v / T)));
        Assert.Equal(z[1] / T - lse, lp, 12);
        var p = z.Select(v => Math.Exp(v / T - lse)).ToArray();
        Assert.Equal(-p.Sum(pi => pi * Math.Log(pi)), c.Entropy().ToArray<double>()[0], 12);
    }

    [Fact]
    public void CategoricalTopKSample_K1_IsArgmax()
    {
        using var scope = TensorScope.Open();
        using var g = new Generator(5);
        using var c = new Distributions.Categorical(Tensor.FromArray(new[] { 0.1, 3.0, 0.2, 2.9, -1.0, 5.0 }, 2, 3));
        Assert.Equal(new long[] { 1, 2 }, c.TopKSample(1, g).ToArray<long>());
        Assert.Equal(new long[] { 1, 2 }, c.Mode().ToArray<long>());
    }

    [Fact]
    public void CategoricalSample_ManyDraws_FrequenciesMatchProbabilities()
    {
        using var scope = TensorScope.Open();
        using var g = new Generator(11);
        var logits = Tensor.FromArray(new[] { 0.0, Math.Log(3.0) }, 1, 2).Expand(20000, 2);
        using var c = new Distributions.Categorical(logits);
        var draws = c.Sample(g).ToArray<long>();
        Assert.Equal(20000, draws.Length);
        Assert.InRange(draws.Average(), 0.74, 0.76);
    }

    [Fact]
    public void CategoricalTopKSample_K2_NeverPicksOutsideTopK()
    {
        using var scope = TensorScope.Open();
        using var g = new Generator(2);
        var logits = Tensor.FromArray(new[] { 0.0, 1.0, 1.1, -2.0 }, 1, 4).Expand(1000, 4);
        using var c = new Distributions.Categorical(logits);
        var draws = c.TopKSample(2, g).ToArray<long>();
        Assert.All(draws, d => Assert.True(d is 1 or 2));
        Assert.Contains(1L, draws);
        Assert.Contains(2L, draws);
    }

    [Fact]
    public void LaplaceLogProbAndEntropy_MatchClosedForm()
    {
        using var scope = TensorScope.Open();
        double mu = 0.3, b = 0.7, x = -1.2;
        var d = new Distributions.Laplace(Tensor.FromArray(new[] { mu }), Tensor.FromArray(new[] { b }));
        Assert.Equal(-Math.Log(2 * b) - Math.Abs(x - mu) / b, d.LogProb(Tensor.FromArray(new[] { x })).Item(), 12);
        Assert.Equal(1 + Math.Log(2 * b), d.Entropy().Item(), 12);
    }

    [Fact]
    public void LaplaceSample_ManyDraws_MeanAndMeanAbsoluteDeviationMatch()
    {
        using var scope = TensorScope.Open();
        using var g = new Generator(9);
        var loc = Full([50000], 2.0, DType.Float64);
        var scale = Full([50000], 0.5, DType.Float64);
        var s = new Distributions.Laplace(loc, scale).Sample(g).ToArray<double>();
        Assert.InRange(s.Average(), 1.98, 2.02);
        Assert.InRange(s.Average(v => Math.Abs(v - 2.0)), 0.49, 0.51); // E|x − μ| = b
    }

    [Fact]
    public void NormalLogProbAndEntropy_MatchClosedForm()
    {
        using var scope = TensorScope.Open();
        double mu = -0.5, sigma = 1.5, x = 0.25;
        var d = new Distributions.Normal(Tensor.FromArray(new[] { mu }), Tensor.FromArray(new[] { sigma }));
        var want = -((x - mu) * (x - mu)) / (2 * sigma * sigma) - Math.Log(sigma) - 0.5 * Math.Log(2 * Math.PI);
        Assert.Equal(want, d.LogProb(Tensor.FromArray(new[] { x })).Item(), 12);
        Assert.Equal(0.5 + 0.5 * Math.Log(2 * Math.PI) + Math.Log(sigma), d.Entropy().Item(), 12);
    }

    [Fact]
    public void Generator_SameSeed_SameDrawsAndStateRestores()
    {
        using var scope = TensorScope.Open();
        using var a = new Generator(42);
        using var b = new Generator(42);
        Assert.Equal(Randn([5], DType.Float64, null, a).ToArray<double>(), Randn([5], DType.Float64, null, b).ToArray<double>());
        var state = a.GetState();
        var next = Rand([3], DType.Float64, null, a).ToArray<double>();
        a.SetState(state);
        Assert.Equal(next, Rand([3], DType.Float64, null, a).ToArray<double>());
    }
}
