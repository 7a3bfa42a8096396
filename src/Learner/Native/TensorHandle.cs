using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

/// <summary>Owns one rt_tensor*; releasing it calls rt_tensor_free.</summary>
internal sealed class TensorHandle : SafeHandle
{
    /// <summary>A NULL rt_tensor* to pass where the C API accepts NULL (never released).</summary>
    internal static readonly TensorHandle Null = new(0, ownsHandle: false);

    public TensorHandle() : base(0, ownsHandle: true) { }

    private TensorHandle(nint handle, bool ownsHandle) : base(0, ownsHandle) => SetHandle(handle);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        TorchNative.rt_tensor_free(handle);
        return true;
    }
}
