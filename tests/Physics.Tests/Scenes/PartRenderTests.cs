using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Scenes;

/// <summary>
/// Every object and fixture added for the later suites shows up in a camera frame: a scene with the part differs from
/// the same scene without it over a share of the frame (a thin bottle fills about a tenth of it). (Each was also looked at once in `ript render` frames of
/// its suite; what was seen is in the suite's notes.)
/// </summary>
[Trait("Category", "Fast")]
public class PartRenderTests
{
    private const int Size = 48;

    private static readonly Dictionary<string, Func<IScenePart>> Parts = new()
    {
        ["basket"] = () => new Basket("part", new Rgba(0.62, 0.45, 0.25)),
        ["can"] = () => Groceries.AlphabetSoup("part"),
        ["carton"] = () => Groceries.Milk("part"),
        ["bottle"] = () => Groceries.Ketchup("part"),
        ["book"] = () => Book.Black("part"),
        ["microwave"] = () => new Microwave("part", new Rgba(0.85, 0.85, 0.87)),
        ["desk caddy"] = () => new DeskCaddy("part", new Rgba(0.35, 0.3, 0.28)),
    };

    public static TheoryData<string> PartNames => [.. Parts.Keys];

    /// <summary>
    /// Every part MetaWorld's scenes are built from, other than the plain puck and block and the goal marker, by the first
    /// task that places it ("task/part"): the fixtures, props, tools and balls of the 50 scenes.
    /// </summary>
    private static readonly Lazy<Dictionary<string, IScenePart>> MetaWorldParts = new(() =>
    {
        var parts = new Dictionary<string, IScenePart>();
        var seen = new HashSet<IScenePart>(ReferenceEqualityComparer.Instance);
        foreach (var task in TaskRegistry.Suite(MetaWorld.Name))
            foreach (var placement in task.Placements)
                if (placement.Part is not (GoalMarker or CylinderObject or BoxObject) && seen.Add(placement.Part))
                    parts[$"{task.Name}/{placement.Part.Name}"] = placement.Part;
        return parts;
    });

    public static TheoryData<string> MetaWorldPartNames => [.. MetaWorldParts.Value.Keys];

    [Theory]
    [MemberData(nameof(PartNames))]
    public void Render_PartInFrontOfTheCamera_ChangesAtLeastATwentiethOfTheFrame(string name) => AssertVisible(name, Parts[name]());

    [Theory]
    [MemberData(nameof(MetaWorldPartNames))]
    public void Render_MetaWorldPartInFrontOfTheCamera_ChangesAtLeastATwentiethOfTheFrame(string name) =>
        // Turned a quarter round so that its front (MetaWorld's fixtures face −y, toward the robot) faces the camera on +x:
        // side on, a window or the hoop's board is a few centimetres of edge.
        AssertVisible(name, MetaWorldParts.Value[name], Math.PI / 2);

    private static void AssertVisible(string name, IScenePart part, double yaw = 0)
    {
        var empty = Render(part, withPart: false, yaw);
        var frame = Render(part, withPart: true, yaw);

        var changed = Enumerable.Range(0, Size * Size).Count(i =>
            Math.Abs(frame[3 * i] - empty[3 * i]) + Math.Abs(frame[3 * i + 1] - empty[3 * i + 1]) + Math.Abs(frame[3 * i + 2] - empty[3 * i + 2]) > 30);

        Assert.True(changed > Size * Size / 20, $"{name}: only {changed} of {Size * Size} pixels changed");
    }

    /// <summary>A grey floor, a light, and a camera 30° above the horizon framing the part's height from 3 part-sizes away.</summary>
    private static byte[] Render(IScenePart part, bool withPart, double yaw)
    {
        var scene = new SceneBuilder("part");
        scene.World.Plane("floor", 2, 2, Vec3.Zero, new Rgba(0.5, 0.5, 0.5));
        scene.World.Light("light", new(0, 0, 3), new(0, 0, -1), directional: true);
        var height = part.Height;
        var distance = 2.2 * Math.Max(height, 0.08);
        scene.World.CameraLookAt("cam", new(distance, 0, height / 2 + distance * 0.5), new(0, 0, height / 2), 45);
        if (withPart)
            part.Build(scene, new Vec3(0, 0, part.OriginHeight), yaw);
        using var model = MjModel.FromXml(scene.ToXml());
        using var data = new MjData(model);
        data.Forward();
        using var renderer = new Renderer(model, Size, Size);
        return renderer.Render(data, "cam");
    }
}
