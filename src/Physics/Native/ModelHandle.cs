using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Native;

/// <summary>Owns one native rm_model; released with rm_model_free once nothing references it.</summary>
internal sealed class ModelHandle : SafeHandle
{
    public ModelHandle() : base(nint.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        MujocoNative.rm_model_free(handle);
        return true;
    }
}
