using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>AdamW, gradient clipping, optimizer state and a small network learning XOR.</summary>
[Trait("Category", "Fast")]
public sealed class TrainingTests
{
    [Fact]
    public void AdamWStep_TwoSteps_MatchesHandComputedUpdate()
    {
        using var scope = TensorScope.Open();
        double lr = 0.1, wd = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[] p = [1.0, -2.0], m = [0, 0], v = [0, 0];
        var grads = new[] { new[] { 0.5, 1.5 }, new[] { -0.25, 2.0 } };
        var w = Tensor.FromArray((double[])p.Clone()).RequiresGrad_().DetachFromScope();
        using var opt = new Optim.AdamW([w], lr, b1, b2, eps, wd);
        for (var step = 1; step <= 2; step++)
        {
            var g = grads[step - 1];
            opt.ZeroGrad();
            (w * Tensor.FromArray(g)).Sum().Backward();
            opt.Step();
            for (var i = 0; i < 2; i++)
            {
                p[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                var mHat = m[i] / (1 - Math.Pow(b1, step));
                var vHat = v[i] / (1 - Math.Pow(b2, step));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
            var got = w.ToArray<double>();
            Assert.Equal(p[0], got[0], 9);
            Assert.Equal(p[1], got[1], 9);
        }
        w.Dispose();
    }

    [Fact]
    public void AdamW_ParameterGroups_EachUsesItsLrAndDecay()
    {
        using var scope = TensorScope.Open();
        var a = Ones([1], DType.Float64).RequiresGrad_().DetachFromScope();
        var b = Ones([1], DType.Float64).RequiresGrad_().DetachFromScope();
        using var opt = new Optim.AdamW([new Optim.ParamGroup([a], 0.1, 0.0), new Optim.ParamGroup([b], 0.01, 0.5)]);
        Assert.Equal(2, opt.GroupCount);
        (a * 0.0 + b * 0.0).Sum().Backward(); // zero gradients: only weight decay moves b
        opt.Step();
        Assert.Equal(1.0, a.Item(), 12);
        Assert.Equal(1.0 - 0.01 * 0.5, b.Item(), 12);
        opt.SetLr(0.2, 0);
        Assert.Equal(0.2, opt.GetLr(0));
        Assert.Equal(0.01, opt.GetLr(1));
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public void ClipGradNorm_LargeGradients_ScalesToMaxAndReturnsTotal()
    {
        using var scope = TensorScope.Open();
        var x = Tensor.FromArray(new[] { 1.0, 1.0 }).RequiresGrad_();
        var y = Tensor.FromArray(new[] { 1.0 }).RequiresGrad_();
        ((x * Tensor.FromArray(new[] { 3.0, 0.0 })).Sum() + y * 4.0).Sum().Backward();
        var total = Optim.ClipGradNorm([x, y], 1.0);
        Assert.Equal(5.0, total, 9);
        Assert.Equal(0.6, x.Grad!.ToArray<double>()[0], 5);
        Assert.Equal(0.8, y.Grad!.ToArray<double>()[0], 5);
    }

    [Fact]
    public void OptimizerState_SaveLoad_ContinuesIdentically()
    {
        using var scope = TensorScope.Open();
        using var g = new Generator(1);
        using var a = new Nn.Linear(3, 2, generator: g);
        using var optA = new Optim.AdamW(a.Parameters(), 0.05);
        var x = Randn([4, 3], generator: g);
        void Step(Nn.Linear m, Optim.AdamW o)
        {
            using var s = TensorScope.Open();
            o.ZeroGrad();
            m.Forward(x).Square().Sum().Backward();
            o.Step();
        }
        Step(a, optA);
        Step(a, optA);
        using var b = new Nn.Linear(3, 2);
        using var optB = new Optim.AdamW(b.Parameters(), 0.9);
        b.LoadStateDictFromBytes(a.StateDictToBytes());
        optB.LoadStateFromBytes(optA.StateToBytes());
        Assert.Equal(0.05, optB.GetLr());
        Step(a, optA);
        Step(b, optB);
        Assert.Equal(a.Weight.ToBytes(), b.Weight.ToBytes());
        Assert.Equal(a.Bias!.ToBytes(), b.Bias!.ToBytes());
    }

    [Fact]
    public void Mlp_Xor_LearnsAllFourCases()
    {
        ManualSeed(0);
        using var g = new Generator(1234);
        using var mlp = new Nn.Mlp(2, 16, 2, x => x.Tanh(), generator: g);
        using var opt = new Optim.AdamW(mlp.Parameters(), 0.05, weightDecay: 0.0);
        using var x = Tensor.FromArray(new[] { 0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f }, 4, 2).DetachFromScope();
        using var y = Tensor.FromArray(new long[] { 0, 1, 1, 0 }).DetachFromScope();
        double loss = 0;
        for (var i = 0; i < 300; i++)
        {
            using var scope = TensorScope.Open();
            opt.ZeroGrad();
            var l = Functional.CrossEntropy(mlp.Forward(x), y);
            l.Backward();
            opt.Step();
            loss = l.Item();
        }
        using var s2 = TensorScope.Open();
        using var _ = Grad.Disabled();
        Assert.Equal(new long[] { 0, 1, 1, 0 }, mlp.Forward(x).ArgMax(1).ToArray<long>());
        Assert.True(loss < 0.05, $"final loss {loss}");
    }

    [Fact]
    public void Conv2dModule_Forward_GivesExpectedShape()
    {
        using var scope = TensorScope.Open();
        using var conv = new Nn.Conv2d(3, 8, 3, stride: 2, padding: 1);
        using var seq = new Nn.Sequential(new Nn.Linear(4, 4), Nn.Activation.Relu(), new Nn.Linear(4, 2));
        Assert.Equal(new long[] { 2, 8, 8, 8 }, conv.Forward(Randn([2, 3, 16, 16])).Shape);
        Assert.Equal(new long[] { 5, 2 }, seq.Forward(Randn([5, 4])).Shape);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], seq.NamedParameters().Select(p => p.Name));
    }
}
