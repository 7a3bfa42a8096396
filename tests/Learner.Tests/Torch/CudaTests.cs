using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>CUDA paths; skipped with a reason where no device is present.</summary>
[Trait("Category", "Gpu")]
public sealed class CudaTests
{
    [CudaFact]
    public void LinearStep_OnCuda_MatchesCpu()
    {
        using var scope = TensorScope.Open();
        using var g = new Generator(1);
        using var cpu = new Nn.Linear(4, 3, generator: g);
        using var gpu = new Nn.Linear(4, 3);
        gpu.LoadStateDictFromBytes(cpu.StateDictToBytes());
        gpu.To(Device.Cuda());
        Assert.Equal(Device.Cuda(0), gpu.Weight.Device);
        var x = Randn([2, 4]);
        var a = cpu.Forward(x).ToArray<float>();
        var b = gpu.Forward(x.To(Device.Cuda())).ToArray<float>();
        for (var i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], 4);
        using var opt = new Optim.AdamW(gpu.Parameters());
        gpu.Forward(x.To(Device.Cuda())).Sum().Backward();
        opt.Step();
    }
}
