using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>Module registration, modes and device moves.</summary>
[Trait("Category", "Fast")]
public sealed class ModuleTests
{
    [Fact]
    public void Eval_Dropout_IsIdentityAndTrainScalesKeptValues()
    {
        using var scope = TensorScope.Open();
        using var g = new Generator(3);
        using var seq = new Nn.Sequential(new Nn.Dropout(0.5, g));
        var x = Ones([1000]);
        seq.Eval();
        Assert.False(seq[0].IsTraining);
        Assert.Equal(x.ToArray<float>(), seq.Forward(x).ToArray<float>());
        seq.Train();
        var y = seq.Forward(x).ToArray<float>();
        Assert.All(y, v => Assert.True(v == 0f || v == 2f));
        Assert.InRange(y.Count(v => v == 0f), 400, 600);
    }

    [Fact]
    public void CausalTransformerBlock_NamedParameters_FollowPyTorchKeys()
    {
        using var block = new Nn.CausalTransformerBlock(16, 4);
        Assert.Equal(
            ["ln1.weight", "ln1.bias", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight", "attn.proj.bias",
             "ln2.weight", "ln2.bias", "mlp.fc1.weight", "mlp.fc1.bias", "mlp.fc2.weight", "mlp.fc2.bias"],
            block.NamedParameters().Select(p => p.Name));
        Assert.Equal(new long[] { 64, 16 }, block.Mlp.Fc1.Weight.Shape);
        Assert.All(block.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void CausalTransformerBlock_FutureTokens_DoNotChangePastOutputs()
    {
        using var scope = TensorScope.Open();
        using var block = new Nn.CausalTransformerBlock(8, 2);
        var x = Randn([1, 5, 8]);
        var changed = Tensor.Cat([x.Slice(1, 0, 3), Randn([1, 2, 8])], 1);
        var a = block.Forward(x).Slice(1, 0, 3).ToArray<float>();
        var b = block.Forward(changed).Slice(1, 0, 3).ToArray<float>();
        Assert.Equal(a, b);
    }

    [Fact]
    public void To_Cpu_KeepsParameterIdentityAndValues()
    {
        using var lin = new Nn.Linear(3, 2);
        var before = lin.Weight.ToArray<float>();
        var w = lin.Weight;
        lin.To(Device.Cpu);
        Assert.Same(w, lin.Weight);
        Assert.Equal(before, lin.Weight.ToArray<float>());
        Assert.True(lin.Weight.RequiresGrad);
    }

    [Fact]
    public void RegisterParameter_DuplicateName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Twice());
    }

    private sealed class Twice : Module
    {
        public Twice()
        {
            RegisterParameter("w", Zeros([1]));
            RegisterParameter("w", Zeros([1]));
        }
    }
}
