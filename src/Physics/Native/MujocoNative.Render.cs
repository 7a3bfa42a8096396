using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Native;

/// <summary>P/Invoke declarations of native/mujoco/include/rm_render.h.</summary>
internal static unsafe partial class MujocoNative
{
    internal const int RM_RENDER_SHADOW = 0;
    internal const int RM_RENDER_WIREFRAME = 1;
    internal const int RM_RENDER_REFLECTION = 2;
    internal const int RM_RENDER_SKYBOX = 4;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rm_render_new(ModelHandle m, int width, int height, int samples, string? gl, out RenderHandle ctx);

    [LibraryImport(Library)]
    internal static partial void rm_render_free(nint ctx);

    [LibraryImport(Library)]
    internal static partial int rm_render_backend(RenderHandle ctx, out byte* name);

    [LibraryImport(Library)]
    internal static partial int rm_render_set_flag(RenderHandle ctx, int flag, int value);

    [LibraryImport(Library)]
    internal static partial int rm_render_frame(RenderHandle ctx, ModelHandle m, DataHandle d, int cam, byte* rgb, float* depth);

    [LibraryImport(Library)]
    internal static partial int rm_bench_render_loop(RenderHandle ctx, ModelHandle m, DataHandle d, int cam, int width, int height, int nframes, out double seconds);
}
