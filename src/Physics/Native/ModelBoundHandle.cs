using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Native;

/// <summary>A native object that reads its model's memory: keeps the model's handle referenced until the object is freed.</summary>
internal abstract class ModelBoundHandle : SafeHandle
{
    private ModelHandle? _model;

    protected ModelBoundHandle() : base(nint.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Pins the model's native memory for as long as this object lives.</summary>
    internal void KeepAlive(ModelHandle model)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        _model = model;
    }

    /// <summary>Frees the native object (its rm_*_free).</summary>
    protected abstract void Free(nint native);

    protected sealed override bool ReleaseHandle()
    {
        Free(handle);
        _model?.DangerousRelease();
        return true;
    }
}
