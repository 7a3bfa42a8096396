using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Native;

/// <summary>Owns one native rm_data; keeps its model's handle referenced until rm_data_free.</summary>
internal sealed class DataHandle : SafeHandle
{
    private ModelHandle? _model;

    public DataHandle() : base(nint.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Pins the model's native memory for as long as this data lives (mjData reads mjModel).</summary>
    internal void KeepAlive(ModelHandle model)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        _model = model;
    }

    protected override bool ReleaseHandle()
    {
        MujocoNative.rm_data_free(handle);
        _model?.DangerousRelease();
        return true;
    }
}
