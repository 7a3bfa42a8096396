using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Rendering;

[Trait("Category", "Fast")]
public class RendererTests
{
    private const int Size = 48;

    [Fact]
    public void Render_KnownScene_IsNotBlank()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        using var renderer = new Renderer(model, Size, Size);
        var rgb = renderer.Render(data, "above");
        Assert.Equal(Size * Size * 3, rgb.Length);
        Assert.True(rgb.Distinct().Count() > 10, "frame has almost a single colour");
        // Looking down at the green floor with a red ball in the middle.
        var centre = (Size / 2 * Size + Size / 2) * 3;
        Assert.True(rgb[centre] > rgb[centre + 1] && rgb[centre] > rgb[centre + 2], "centre pixel is not the red ball");
        Assert.Equal("osmesa", renderer.Backend);
    }

    [Fact]
    public void Render_TwoCameras_Differ()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        using var renderer = new Renderer(model, Size, Size);
        var above = renderer.Render(data, "above");
        var side = renderer.Render(data, "side");
        var different = above.Zip(side).Count(p => p.First != p.Second);
        Assert.True(different > above.Length / 10, $"only {different} bytes differ");
    }

    [Fact]
    public void Render_LevelCamera_PutsFloorAtTheBottomRows()
    {
        using var model = MjModel.FromXml(TestScenes.Horizon);
        using var data = new MjData(model);
        using var renderer = new Renderer(model, Size, Size);
        var rgb = new byte[Size * Size * 3];
        renderer.Render(data, model.CameraId("level"), rgb);
        var bottom = RowRed(rgb, Size - 1);
        var top = RowRed(rgb, 0);
        Assert.True(bottom > top + 50, $"bottom row red {bottom}, top row red {top}: rows not top-first");

        static double RowRed(byte[] img, int y) =>
            Enumerable.Range(0, Size).Average(x => (double)img[(y * Size + x) * 3]);
    }

    [Fact]
    public void Render_Depth_IsInUnitRangeAndNearerAtTheBottom()
    {
        using var model = MjModel.FromXml(TestScenes.Horizon);
        using var data = new MjData(model);
        using var renderer = new Renderer(model, Size, Size);
        var rgb = new byte[Size * Size * 3];
        var depth = new float[Size * Size];
        renderer.Render(data, 0, rgb, depth);
        Assert.All(depth, z => Assert.InRange(z, 0f, 1f));
        Assert.True(depth[(Size - 1) * Size + Size / 2] < depth[Size / 2]);
    }

    [Fact]
    public void Render_ShadowsOn_StillRenders()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        using var renderer = new Renderer(model, Size, Size) { Shadows = true };
        Assert.True(renderer.Shadows);
        Assert.True(renderer.Render(data, "above").Distinct().Count() > 10);
    }

    [Fact]
    public void Render_FromAnotherThread_Throws()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        using var renderer = new Renderer(model, Size, Size);
        Exception? error = null;
        var t = new Thread(() => error = Record.Exception(() => renderer.Render(data, "above")));
        t.Start();
        t.Join();
        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("thread", error!.Message);
    }

    [Fact]
    public void Render_WrongBufferOrForeignData_Throws()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var other = MjModel.FromXml(TestScenes.Horizon);
        using var data = new MjData(model);
        using var foreign = new MjData(other);
        using var renderer = new Renderer(model, Size, Size);
        Assert.Throws<ArgumentException>(() => renderer.Render(data, 0, new byte[10]));
        Assert.Throws<ArgumentException>(() => renderer.Render(foreign, 0, new byte[Size * Size * 3]));
        Assert.Throws<MujocoException>(() => renderer.Render(data, 7, new byte[Size * Size * 3]));
        Assert.Throws<MujocoException>(() => renderer.Render(data, "nope"));
    }

    [Fact]
    public void Render_OneRendererPerThread_GivesIdenticalFrames()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        byte[] RenderOnce()
        {
            using var data = new MjData(model);
            data.Step(50);
            using var renderer = new Renderer(model, Size, Size);
            return renderer.Render(data, "side");
        }

        var sequential = RenderOnce();
        byte[]? a = null, b = null;
        var ta = new Thread(() => a = RenderOnce());
        var tb = new Thread(() => b = RenderOnce());
        ta.Start();
        tb.Start();
        ta.Join();
        tb.Join();
        Assert.Equal(sequential, a);
        Assert.Equal(sequential, b);
    }

    [Fact]
    public void Constructor_UnsupportedGlPlatform_ThrowsNamingIt()
    {
        // MUJOCO_GL is read per renderer; restore it whatever happens.
        var previous = Environment.GetEnvironmentVariable("MUJOCO_GL");
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        try
        {
            Environment.SetEnvironmentVariable("MUJOCO_GL", "glfw");
            var e = Assert.Throws<MujocoException>(() => new Renderer(model, Size, Size));
            Assert.Contains("MUJOCO_GL=glfw", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MUJOCO_GL", previous);
        }
    }
}
