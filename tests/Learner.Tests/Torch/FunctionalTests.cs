using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>Softmax, log-softmax and the losses against hand-computed values.</summary>
[Trait("Category", "Fast")]
public sealed class FunctionalTests
{
    private static readonly double[] Logits = [1.0, 2.0, 3.0];

    private static double[] HandSoftmax(double[] z)
    {
        var m = z.Max();
        var e = z.Select(v => Math.Exp(v - m)).ToArray();
        var s = e.Sum();
        return e.Select(v => v / s).ToArray();
    }

    [Fact]
    public void Softmax_ThreeLogits_MatchesHandComputed()
    {
        using var scope = TensorScope.Open();
        var p = Functional.Softmax(Tensor.FromArray(Logits)).ToArray<double>();
        var want = HandSoftmax(Logits); // [0.09003057, 0.24472847, 0.66524096]
        for (var i = 0; i < 3; i++) Assert.Equal(want[i], p[i], 12);
        Assert.Equal(0.66524096, p[2], 7);
    }

    [Fact]
    public void LogSoftmax_LargeLogits_IsStableAndMatches()
    {
        using var scope = TensorScope.Open();
        var z = new[] { 1000.0, 1001.0, 1002.0 };
        var lp = Functional.LogSoftmax(Tensor.FromArray(z)).ToArray<double>();
        var want = HandSoftmax(Logits).Select(v => Math.Log(v)).ToArray();
        for (var i = 0; i < 3; i++) Assert.Equal(want[i], lp[i], 12);
    }

    [Fact]
    public void CrossEntropy_TwoRows_MatchesHandComputedMean()
    {
        using var scope = TensorScope.Open();
        var logits = Tensor.FromArray(new[] { 1.0, 2.0, 3.0, 0.5, 0.5, -1.0 }, 2, 3);
        var target = Tensor.FromArray(new long[] { 2, 0 });
        var loss = Functional.CrossEntropy(logits, target).Item();
        // row 0: −log softmax(1,2,3)[2]; row 1: −(0.5 − log(e^0.5 + e^0.5 + e^−1))
        var r0 = -Math.Log(Math.Exp(3) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3)));
        var r1 = -(0.5 - Math.Log(2 * Math.Exp(0.5) + Math.Exp(-1)));
        Assert.Equal((r0 + r1) / 2, loss, 12);
        Assert.Equal(0.40760596, r0, 7);
    }

    [Fact]
    public void CrossEntropy_IgnoreIndex_SkipsRow()
    {
        using var scope = TensorScope.Open();
        var logits = Tensor.FromArray(new[] { 1.0, 2.0, 3.0, 9.0, 0.0, 0.0 }, 2, 3);
        var loss = Functional.CrossEntropy(logits, Tensor.FromArray(new long[] { 2, -100 })).Item();
        Assert.Equal(-Math.Log(HandSoftmax(Logits)[2]), loss, 12);
    }

    [Fact]
    public void L1AndMse_KnownVectors_MatchHandComputed()
    {
        using var scope = TensorScope.Open();
        var x = Tensor.FromArray(new[] { 1.0, -2.0, 3.5 });
        var y = Tensor.FromArray(new[] { 0.0, 1.0, 3.0 });
        Assert.Equal((1 + 3 + 0.5) / 3.0, Functional.L1Loss(x, y).Item(), 12);
        Assert.Equal((1 + 9 + 0.25) / 3.0, Functional.MseLoss(x, y).Item(), 12);
        Assert.Equal(1 + 9 + 0.25, Functional.MseLoss(x, y, Reduction.Sum).Item(), 12);
        Assert.Equal(new[] { 1.0, 3.0, 0.5 }, Functional.L1Loss(x, y, Reduction.None).ToArray<double>());
    }

    [Fact]
    public void ScaledDotProductAttention_Causal_FirstQueryAttendsOnlyToFirstKey()
    {
        using var scope = TensorScope.Open();
        var q = Tensor.FromArray(new[] { 1.0, 0.0, 0.0, 1.0 }, 1, 2, 2);
        var v = Tensor.FromArray(new[] { 10.0, 20.0, 30.0, 40.0 }, 1, 2, 2);
        var y = Functional.ScaledDotProductAttention(q, q, v, causal: true).ToArray<double>();
        Assert.Equal(10.0, y[0], 12);
        Assert.Equal(20.0, y[1], 12);
        // second query: weights softmax([0, 1]/√2) over both keys
        var w = HandSoftmax([0.0, 1.0 / Math.Sqrt(2)]);
        Assert.Equal(w[0] * 10 + w[1] * 30, y[2], 12);
    }
}
