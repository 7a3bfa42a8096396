using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;
using In = RiptOrleans.Learner.Tests.Support.GradCheck.Input;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>Autograd gradients of every differentiable op against central finite differences (float64).</summary>
[Trait("Category", "Fast")]
public sealed class GradientTests
{
    private static In R(int seed, params long[] shape) => GradCheck.Random(seed, shape);
    private static In Pos(int seed, params long[] shape) => GradCheck.Random(seed, shape, 0.5, 2.0);

    // Inputs away from kinks (relu/abs/l1 at 0, clamp at its bounds) so finite differences are smooth.
    private static In AwayFromZero(int seed, params long[] shape)
    {
        var i = GradCheck.Random(seed, shape, 0.2, 1.0);
        var r = new Random(seed + 99);
        return i with { Values = i.Values.Select(v => r.Next(2) == 0 ? v : -v).ToArray() };
    }

    private static Tensor Long(long[] values, params long[] shape) => Tensor.FromArray(values, shape.Length == 0 ? [values.Length] : shape);

    public static readonly Dictionary<string, (Func<Tensor[], Tensor> F, In[] Inputs)> Cases = new()
    {
        ["add"] = (x => x[0] + x[1], [R(1, 2, 3), R(2, 3)]),
        ["sub"] = (x => x[0] - x[1], [R(1, 2, 3), R(2, 2, 3)]),
        ["mul"] = (x => x[0] * x[1], [R(1, 2, 3), R(2, 2, 1)]),
        ["div"] = (x => x[0] / x[1], [R(1, 2, 3), Pos(2, 2, 3)]),
        ["scalar ops"] = (x => (2.0 - x[0]) * 3.0 / 2.0 + 1.0 - (1.0 / (x[0] + 3.0)), [R(1, 5)]),
        ["neg"] = (x => -x[0], [R(1, 4)]),
        ["exp"] = (x => x[0].Exp(), [R(1, 4)]),
        ["log"] = (x => x[0].Log(), [Pos(1, 4)]),
        ["sqrt"] = (x => x[0].Sqrt(), [Pos(1, 4)]),
        ["rsqrt"] = (x => x[0].Rsqrt(), [Pos(1, 4)]),
        ["abs"] = (x => x[0].Abs(), [AwayFromZero(1, 6)]),
        ["tanh"] = (x => x[0].Tanh(), [R(1, 4)]),
        ["sigmoid"] = (x => x[0].Sigmoid(), [R(1, 4)]),
        ["relu"] = (x => x[0].Relu(), [AwayFromZero(1, 6)]),
        ["gelu"] = (x => x[0].Gelu(), [R(1, 6)]),
        ["gelu tanh"] = (x => x[0].Gelu(approximateTanh: true), [R(1, 6)]),
        ["silu"] = (x => x[0].Silu(), [R(1, 6)]),
        ["softplus"] = (x => x[0].Softplus(), [R(1, 6)]),
        ["sin cos"] = (x => x[0].Sin() * x[0].Cos(), [R(1, 4)]),
        ["log1p expm1"] = (x => x[0].Log1p() + x[0].Expm1(), [Pos(1, 4)]),
        ["square reciprocal"] = (x => x[0].Square() + x[0].Reciprocal(), [Pos(1, 4)]),
        ["pow"] = (x => x[0].Pow(2.5) + x[0].Pow(x[1]), [Pos(1, 4), R(2, 4)]),
        ["maximum minimum"] = (x => x[0].Maximum(x[1]) + x[0].Minimum(x[1]) * 2.0, [R(1, 6), R(2, 6)]),
        ["clamp"] = (x => x[0].Clamp(-0.5, 0.5), [R(1, 8)]),
        ["where"] = (x => Tensor.Where(x[0].Gt(0), x[0] * x[1], x[1].Exp()), [AwayFromZero(1, 6), R(2, 6)]),
        ["masked fill"] = (x => x[0].MaskedFill(x[0].Lt(0), 0.25), [AwayFromZero(1, 6)]),
        ["sum dim"] = (x => x[0].Sum(1), [R(1, 2, 3, 2)]),
        ["sum all"] = (x => x[0].Sum(), [R(1, 2, 3)]),
        ["mean dims"] = (x => x[0].Mean([0, 2], keepDim: true), [R(1, 2, 3, 2)]),
        ["max"] = (x => x[0].Max(1) + x[0].Min(0).Sum(), [R(1, 3, 4)]),
        ["prod"] = (x => x[0].Prod(1), [R(1, 2, 3)]),
        ["var std"] = (x => x[0].Var(1) + x[0].Std(0).Sum(), [R(1, 3, 4)]),
        ["logsumexp"] = (x => x[0].LogSumExp(-1), [R(1, 3, 4)]),
        ["norm"] = (x => x[0].Norm(), [R(1, 3, 4)]),
        ["cumsum"] = (x => x[0].CumSum(1), [R(1, 2, 4)]),
        ["matmul"] = (x => x[0].MatMul(x[1]), [R(1, 2, 3, 4), R(2, 4, 2)]),
        ["bmm"] = (x => x[0].Bmm(x[1]), [R(1, 2, 3, 4), R(2, 2, 4, 2)]),
        ["reshape permute"] = (x => x[0].Reshape(3, 2, 2).Permute(2, 0, 1) * x[1], [R(1, 2, 6), R(2, 2, 3, 2)]),
        ["transpose flatten"] = (x => x[0].Transpose(0, 1).Flatten() * 2.0, [R(1, 2, 3)]),
        ["expand"] = (x => x[0].Expand(3, 4) * x[1], [R(1, 1, 4), R(2, 3, 4)]),
        ["squeeze unsqueeze"] = (x => x[0].Unsqueeze(0).Squeeze(0).Unsqueeze(2), [R(1, 2, 3)]),
        ["slice select"] = (x => x[0].Slice(1, 1, 4, 2) + x[0].Select(1, 0).Unsqueeze(1), [R(1, 2, 5)]),
        ["cat"] = (x => Tensor.Cat([x[0], x[1]], 1), [R(1, 2, 3), R(2, 2, 1)]),
        ["stack"] = (x => Tensor.Stack([x[0], x[1]], 0), [R(1, 2, 3), R(2, 2, 3)]),
        ["gather"] = (x => x[0].Gather(1, Long([2, 0, 1, 1, 0, 2], 2, 3)), [R(1, 2, 3)]),
        ["index select"] = (x => x[0].IndexSelect(0, Long([2, 0, 2])), [R(1, 3, 2)]),
        ["scatter add"] = (x => x[0].ScatterAdd(1, Long([0, 2, 0, 1], 2, 2), x[1]), [R(1, 2, 3), R(2, 2, 2)]),
        ["tril"] = (x => x[0].Tril() + x[0].Triu(1) * 3.0, [R(1, 3, 3)]),
        ["softmax"] = (x => Functional.Softmax(x[0], -1), [R(1, 2, 4)]),
        ["log softmax"] = (x => Functional.LogSoftmax(x[0], 0), [R(1, 3, 2)]),
        ["linear"] = (x => Functional.Linear(x[0], x[1], x[2]), [R(1, 2, 3), R(2, 4, 3), R(3, 4)]),
        ["layer norm"] = (x => Functional.LayerNorm(x[0], [4], x[1], x[2]), [R(1, 2, 4), R(2, 4), R(3, 4)]),
        ["conv2d"] = (x => Functional.Conv2d(x[0], x[1], x[2], stride: (1, 2), padding: (1, 1)), [R(1, 1, 2, 4, 4), R(2, 3, 2, 3, 3), R(3, 3)]),
        ["max pool2d"] = (x => Functional.MaxPool2d(x[0], (2, 2)), [R(1, 1, 2, 4, 4)]),
        ["avg pool2d"] = (x => Functional.AvgPool2d(x[0], (2, 2), (1, 1)), [R(1, 1, 1, 3, 3)]),
        ["adaptive avg pool2d"] = (x => Functional.AdaptiveAvgPool2d(x[0], 2, 1), [R(1, 1, 1, 4, 3)]),
        ["embedding"] = (x => Functional.Embedding(Long([1, 3, 1, 0], 2, 2), x[0]), [R(1, 4, 3)]),
        ["sdpa causal"] = (x => Functional.ScaledDotProductAttention(x[0], x[1], x[2], causal: true), [R(1, 2, 3, 4), R(2, 2, 3, 4), R(3, 2, 3, 4)]),
        ["sdpa"] = (x => Functional.ScaledDotProductAttention(x[0], x[1], x[2]), [R(1, 1, 2, 3), R(2, 1, 4, 3), R(3, 1, 4, 2)]),
        ["cross entropy"] = (x => Functional.CrossEntropy(x[0], Long([2, 0, 1])), [R(1, 3, 4)]),
        ["cross entropy smoothing sum"] = (x => Functional.CrossEntropy(x[0], Long([2, 0]), Reduction.Sum, labelSmoothing: 0.1), [R(1, 2, 3)]),
        ["l1 loss"] = (x => Functional.L1Loss(x[0], x[1]), [AwayFromZero(1, 6), Tensor0(6)]),
        ["mse loss"] = (x => Functional.MseLoss(x[0], x[1], Reduction.Sum), [R(1, 2, 3), R(2, 2, 3)]),
        ["dropout seeded"] = (x => DropoutSeeded(x[0]), [R(1, 4, 4)]),
        ["normal log prob"] = (x => new Distributions.Normal(x[0], x[1]).LogProb(x[2]), [R(1, 4), Pos(2, 4), R(3, 4)]),
        ["laplace log prob"] = (x => new Distributions.Laplace(x[0], x[1]).LogProb(x[2] + 3.0), [R(1, 4), Pos(2, 4), R(3, 4)]),
        ["categorical log prob entropy"] = (x => Cat(x[0]), [R(1, 2, 5)]),
        ["transformer block"] = (x => Block(x[0]), [R(1, 1, 3, 8)]),
    };

    private static In Tensor0(int n) => new(new double[n], [n]);

    private static Tensor DropoutSeeded(Tensor x)
    {
        using var g = new Generator(7);
        return Functional.Dropout(x, 0.5, true, g);
    }

    private static Tensor Cat(Tensor logits)
    {
        using var c = new Distributions.Categorical(logits, temperature: 0.7);
        return c.LogProb(Long([4, 1])) + c.Entropy();
    }

    private static readonly Lazy<Nn.CausalTransformerBlock> SharedBlock = new(() =>
    {
        using var g = new Generator(3);
        var b = new Nn.CausalTransformerBlock(8, 2, 4, null, g);
        b.To(Device.Cpu);
        foreach (var (_, p) in b.StateDict())
        {
            using var d = p.To(DType.Float64).DetachFromScope();
            p.SetData(d);
        }
        return b;
    });

    private static Tensor Block(Tensor x) => SharedBlock.Value.Forward(x);

    public static TheoryData<string> Names() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_Op_MatchesFiniteDifferences(string op)
    {
        var (f, inputs) = Cases[op];
        GradCheck.Check(f, inputs);
    }
}
