using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;

namespace RiptOrleans.Grains;

/// <summary>Renderers of the current thread by (model, size): render contexts are per thread, and a grain's rollouts run on its own thread.</summary>
internal static class RendererCache
{
    [ThreadStatic] private static Dictionary<(MjModel, int), Renderer>? _renderers;

    public static Renderer For(MjModel model, int size)
    {
        _renderers ??= new Dictionary<(MjModel, int), Renderer>();
        if (!_renderers.TryGetValue((model, size), out var r))
            _renderers[(model, size)] = r = new Renderer(model, size, size);
        return r;
    }

    /// <summary>Frees the current thread's renderers (call on the thread before it ends).</summary>
    public static void DisposeCurrentThread()
    {
        if (_renderers is null) return;
        foreach (var r in _renderers.Values) r.Dispose();
        _renderers = null;
    }
}
