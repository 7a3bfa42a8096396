using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo.Tests.Commands;

[Collection("Console")]
[Trait("Category", "Fast")]
public class RenderCommandTests : IDisposable
{
    private const string Scene = """
<mujoco>
  <worldbody>
    <light pos="0 0 3" dir="0 0 -1" directional="true"/>
    <geom type="plane" size="1 1 0.1" rgba="0.2 0.6 0.2 1"/>
    <camera name="top" pos="0 0 2"/>
    <body pos="0 0 0.2"><freejoint/><geom type="sphere" size="0.1" rgba="1 0 0 1"/></body>
  </worldbody>
</mujoco>
""";

    private readonly string _dir = Directory.CreateTempSubdirectory("ript-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_SceneFileAndCamera_WritesPng()
    {
        var scene = Path.Combine(_dir, "scene.xml");
        File.WriteAllText(scene, Scene);
        var png = Path.Combine(_dir, "frame.png");

        var code = RenderCommand.Run(new RenderOptions(scene, "top", png, 32, 24, null, Json: false));

        Assert.Equal(0, code);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(0x89, bytes[0]);
        Assert.Equal(32, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(24, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void Run_MissingScene_ReturnsBadUsage()
    {
        var code = RenderCommand.Run(new RenderOptions(Path.Combine(_dir, "nope.xml"), null, Path.Combine(_dir, "x.png"), 32, 32, null, Json: false));
        Assert.Equal(2, code);
        Assert.False(File.Exists(Path.Combine(_dir, "x.png")));
    }

    [Fact]
    public void Run_UnknownCamera_ReturnsBadUsage()
    {
        var scene = Path.Combine(_dir, "scene.xml");
        File.WriteAllText(scene, Scene);
        Assert.Equal(2, RenderCommand.Run(new RenderOptions(scene, "wrist", Path.Combine(_dir, "x.png"), 32, 32, null, Json: false)));
    }

    [Fact]
    public void Run_MalformedScene_ReturnsFailure()
    {
        var scene = Path.Combine(_dir, "bad.xml");
        File.WriteAllText(scene, "<mujoco><worldbody><bdy/></worldbody></mujoco>");
        Assert.Equal(1, RenderCommand.Run(new RenderOptions(scene, null, Path.Combine(_dir, "x.png"), 32, 32, null, Json: false)));
    }

    [Fact]
    public void Run_TaskAndInit_WritesTheContextsFrame()
    {
        var png = Path.Combine(_dir, "task.png");

        var code = RenderCommand.Run(new RenderOptions(null, "wrist", png, 32, 32, null, Json: false)
        {
            Task = "libero-mini/kitchen-scene1-open-the-top-drawer-of-the-cabinet",
            Init = 2,
        });

        Assert.Equal(0, code);
        Assert.True(new FileInfo(png).Length > 100);
    }

    [Fact]
    public void Run_UnknownTask_ReturnsBadUsage()
    {
        Assert.Equal(2, RenderCommand.Run(new RenderOptions(null, null, Path.Combine(_dir, "x.png"), 32, 32, null, Json: false) { Task = "nope" }));
    }
}
