namespace RiptOrleans.Physics.Native;

/// <summary>Owns one native rm_render (GL context, mjrContext, mjvScene); released with rm_render_free.</summary>
internal sealed class RenderHandle : ModelBoundHandle
{
    protected override void Free(nint native) => MujocoNative.rm_render_free(native);
}
