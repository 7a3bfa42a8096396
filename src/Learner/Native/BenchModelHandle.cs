using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

/// <summary>Owns one rt_bench_model*; releasing it calls rt_bench_model_free.</summary>
internal sealed class BenchModelHandle : SafeHandle
{
    public BenchModelHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        TorchNative.rt_bench_model_free(handle);
        return true;
    }
}
