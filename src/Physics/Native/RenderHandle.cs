using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Native;

/// <summary>Owns one native rm_render (GL context, mjrContext, mjvScene); released with rm_render_free.</summary>
internal sealed class RenderHandle : SafeHandle
{
    private ModelHandle? _model;

    public RenderHandle() : base(nint.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == nint.Zero;

    internal void KeepAlive(ModelHandle model)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        _model = model;
    }

    protected override bool ReleaseHandle()
    {
        MujocoNative.rm_render_free(handle);
        _model?.DangerousRelease();
        return true;
    }
}
