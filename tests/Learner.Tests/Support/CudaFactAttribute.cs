using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Support;

/// <summary>A fact that needs a CUDA device; skipped with the reason when libtorch reports none.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!global::RiptOrleans.Learner.Torch.Torch.CudaIsAvailable())
            Skip = "no CUDA device: this libtorch build reports cuda is not available (CPU-only machine or CPU libtorch)";
    }
}
