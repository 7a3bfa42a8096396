using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

/// <summary>Optimisers and gradient utilities (torch.optim, torch.nn.utils).</summary>
public static partial class Optim
{
    /// <summary>Scales the gradients of parameters so their joint normType-norm is at most maxNorm; returns the norm before clipping.</summary>
    public static unsafe double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2.0)
    {
        var list = parameters as IReadOnlyList<Tensor> ?? parameters.ToList();
        var hs = Tensor.Handles(list);
        fixed (nint* p = hs)
        {
            TorchNative.Check(TorchNative.rt_optim_clip_grad_norm(p, hs.Length, maxNorm, normType, out var total));
            GC.KeepAlive(list);
            return total;
        }
    }

    /// <summary>One parameter group: its parameters with their own learning rate and weight decay.</summary>
    public sealed record ParamGroup(IEnumerable<Tensor> Parameters, double Lr, double WeightDecay);
}
