using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Native;
using Serilog;

namespace RiptOrleans.Physics.Rendering;

/// <summary>
/// An offscreen renderer of one model's cameras at a fixed size: an OpenGL context (OSMesa, or EGL with
/// MUJOCO_GL=egl) bound to the thread that created it. Create one per rendering thread; rendering from
/// another thread throws. Dispose may happen on any thread.
/// </summary>
public sealed unsafe class Renderer : IDisposable
{
    private static readonly ILogger Logger = Log.ForContext<Renderer>();

    private readonly RenderHandle _handle;
    private readonly int _threadId;
    private bool _shadows, _reflections, _skybox;

    /// <summary>
    /// Creates a renderer of width x height frames on the calling thread; samples is the MSAA count
    /// (negative: the model's offsamples). The GL platform comes from MUJOCO_GL (osmesa by default, egl).
    /// </summary>
    public Renderer(MjModel model, int width, int height, int samples = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ObjectDisposedException.ThrowIf(model.IsDisposed, model);
        Model = model;
        Width = width;
        Height = height;
        _threadId = Environment.CurrentManagedThreadId;
        // .NET keeps its own copy of the environment, so MUJOCO_GL is read here and passed down.
        var gl = Environment.GetEnvironmentVariable("MUJOCO_GL");
        var status = MujocoNative.rm_render_new(model.Handle, width, height, samples, gl, out _handle);
        if (status != MujocoNative.RM_OK)
        {
            var message = MujocoNative.LastError();
            _handle.Dispose();
            throw new MujocoException(status, message, model.Source);
        }
        _handle.KeepAlive(model.Handle);
        MujocoNative.Check(MujocoNative.rm_render_backend(_handle, out var backend));
        Backend = MujocoNative.Utf8(backend);
        Logger.Debug("Renderer {Width}x{Height} on {Backend} for {Source}", width, height, Backend, model.Source);
    }

    public MjModel Model { get; }
    public int Width { get; }
    public int Height { get; }

    /// <summary>The GL platform in use: "osmesa" or "egl".</summary>
    public string Backend { get; }

    /// <summary>Shadows (off by default: about 5x slower under OSMesa).</summary>
    public bool Shadows { get => _shadows; set { SetFlag(MujocoNative.RM_RENDER_SHADOW, value); _shadows = value; } }

    /// <summary>Reflections (off by default).</summary>
    public bool Reflections { get => _reflections; set { SetFlag(MujocoNative.RM_RENDER_REFLECTION, value); _reflections = value; } }

    /// <summary>Skybox (off by default).</summary>
    public bool Skybox { get => _skybox; set { SetFlag(MujocoNative.RM_RENDER_SKYBOX, value); _skybox = value; } }

    /// <summary>Renders camera cameraId (-1: the free camera) into rgb (Height x Width x 3, top row first).</summary>
    public void Render(MjData data, int cameraId, Span<byte> rgb) => Render(data, cameraId, rgb, Span<float>.Empty);

    /// <summary>Renders RGB and, when depth is not empty, OpenGL depth in [0,1] (Height x Width, top row first).</summary>
    public void Render(MjData data, int cameraId, Span<byte> rgb, Span<float> depth)
    {
        CheckUse(data);
        if (rgb.Length != Width * Height * 3)
            throw new ArgumentException($"rgb must hold {Width}x{Height}x3 = {Width * Height * 3} bytes, got {rgb.Length}", nameof(rgb));
        if (!depth.IsEmpty && depth.Length != Width * Height)
            throw new ArgumentException($"depth must hold {Width}x{Height} floats or be empty, got {depth.Length}", nameof(depth));
        fixed (byte* p = rgb)
        fixed (float* z = depth)
            Check(MujocoNative.rm_render_frame(_handle, Model.Handle, data.Handle, cameraId, p, depth.IsEmpty ? null : z));
    }

    /// <summary>Renders a named camera into a new Height x Width x 3 array, top row first.</summary>
    public byte[] Render(MjData data, string camera)
    {
        var rgb = new byte[Width * Height * 3];
        Render(data, Model.CameraId(camera), rgb);
        return rgb;
    }

    /// <summary>The render bench's denominator: nframes frames of one camera in a C loop; returns wall seconds.</summary>
    public double BenchRenderLoop(MjData data, int cameraId, int nframes)
    {
        CheckUse(data);
        Check(MujocoNative.rm_bench_render_loop(_handle, Model.Handle, data.Handle, cameraId, Width, Height, nframes, out var seconds));
        return seconds;
    }

    private void SetFlag(int flag, bool value)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        Check(MujocoNative.rm_render_set_flag(_handle, flag, value ? 1 : 0));
    }

    private void CheckUse(MjData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException($"Renderer is bound to thread {_threadId} (its GL context), used from thread {Environment.CurrentManagedThreadId}; create one renderer per thread");
        if (!ReferenceEquals(data.Model, Model) && data.Model.Handle != Model.Handle)
            throw new ArgumentException($"data belongs to model {data.Model.Source}, the renderer to {Model.Source}", nameof(data));
    }

    private void Check(int status)
    {
        if (status != MujocoNative.RM_OK)
            throw new MujocoException(status, MujocoNative.LastError(), Model.Source);
    }

    public void Dispose() => _handle.Dispose();
}
