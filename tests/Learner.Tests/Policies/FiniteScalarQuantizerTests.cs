using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Policies;

[Trait("Category", "Fast")]
public sealed class FiniteScalarQuantizerTests
{
    [Fact]
    public void Vocabulary_IsTheProductOfTheLevels() => Assert.Equal(1000, new FiniteScalarQuantizer([8, 5, 5, 5]).Vocabulary);

    [Fact]
    public void CodesToTokens_OfTokensToCodes_RoundTripsEveryToken()
    {
        var q = new FiniteScalarQuantizer([8, 5, 3]);
        var all = Enumerable.Range(0, q.Vocabulary).Select(i => (long)i).ToArray();
        using var scope = TensorScope.Open();
        var codes = Tensor.FromArray(q.TokensToCodes(all), all.Length, q.Dim);
        Assert.Equal(all, q.CodesToTokens(codes).ToArray<long>());
    }

    [Fact]
    public void Quantize_AnyInput_GivesCodesOnTheGrid()
    {
        var q = new FiniteScalarQuantizer([8, 5]);
        using var scope = TensorScope.Open();
        var z = RiptOrleans.Learner.Torch.Torch.Randn([100, 2]) * 3.0;
        var tokens = q.CodesToTokens(q.Quantize(z)).ToArray<long>();
        Assert.All(tokens, t => Assert.InRange(t, 0, 39));
        Assert.True(tokens.Distinct().Count() > 10);
    }
}
