using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

/// <summary>Owns one rt_optim*; releasing it calls rt_optim_free.</summary>
internal sealed class OptimizerHandle : SafeHandle
{
    public OptimizerHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        TorchNative.rt_optim_free(handle);
        return true;
    }
}
