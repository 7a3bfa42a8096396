using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

/// <summary>Owns one rt_generator*; releasing it calls rt_generator_free.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    internal static readonly GeneratorHandle Null = new(0, ownsHandle: false);

    public GeneratorHandle() : base(0, ownsHandle: true) { }

    private GeneratorHandle(nint handle, bool ownsHandle) : base(0, ownsHandle) => SetHandle(handle);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        TorchNative.rt_generator_free(handle);
        return true;
    }
}
