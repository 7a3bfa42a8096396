using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Contexts;

[Trait("Category", "Fast")]
public class RegionInitSamplerTests
{
    private static readonly Cabinet Movable = new("cabinet", Rgba.Wood) { Movable = true };
    private static readonly BoxObject InDrawer = new("in_drawer", new(0.02, 0.02, 0.01), Rgba.Red);
    private static readonly BoxObject OnTop = new("on_top", new(0.02, 0.02, 0.01), Rgba.Yellow);
    private static readonly (double Lo, double Hi) Yaw = (2.661, 2.724), Open = (-0.158, -0.154);

    private static TaskModel Compile(params Placement[] placements) =>
        TaskModel.Compile(new TaskSpec("test", "sampler", "test", 10, RobotKind.Panda, TableArena.Main.Build, placements, new All()));

    private static Placement CabinetAt(Cabinet cabinet) =>
        new(cabinet, 0.03, -0.27, 2.69, 0, Joints: new Dictionary<string, (double, double)> { [cabinet.Joint("top")] = Open }) { YawRange = Yaw };

    [Fact]
    public void Place_ObjectsOnFixtureSites_LandInTheSitesWhereTheSampledYawAndDrawerLeaveThem()
    {
        using var task = Compile(
            CabinetAt(Movable),
            new(InDrawer, 0, -0.02, 0, 0.01) { OnSite = new(Movable.Region("top"), Cabinet.RegionHalfSize.Z) },
            new(OnTop, 0, 0, 0, 0.015) { OnSite = new(Movable.TopSide, Cabinet.TopSideHalfSize.Z) });
        var model = task.Model;
        using var data = new MjData(model);
        var yaws = new List<double>();
        for (var seed = 0; seed < 8; seed++)
        {
            data.Reset();
            RegionInitSampler.Instance.Place(task, data, new Random(seed));
            data.Forward();

            var yaw = Quat.From(data.Xquat, model.BodyId(Movable.Name)).Yaw;
            Assert.InRange(yaw, Yaw.Lo, Yaw.Hi);
            yaws.Add(yaw);
            Assert.InRange(data.Qpos[model.JointQposAddress(model.JointId(Movable.Joint("top")))], Open.Lo, Open.Hi);
            // In each site's frame: within the jitter of the offset, dropped 1 cm onto the site's bottom face.
            var inDrawer = SceneQuery.InSiteFrame(data, model.SiteId(Movable.Region("top")), SceneQuery.BodyPos(data, model.BodyId(InDrawer.Name)));
            Assert.InRange(inDrawer.X, -0.01, 0.01);
            Assert.InRange(inDrawer.Y, -0.03, -0.01);
            Assert.Equal(-Cabinet.RegionHalfSize.Z + InDrawer.OriginHeight + 0.01, inDrawer.Z, 9);
            var onTop = SceneQuery.InSiteFrame(data, model.SiteId(Movable.TopSide), SceneQuery.BodyPos(data, model.BodyId(OnTop.Name)));
            Assert.InRange(onTop.X, -0.015, 0.015);
            Assert.InRange(onTop.Y, -0.015, 0.015);
            Assert.Equal(-Cabinet.TopSideHalfSize.Z + OnTop.OriginHeight + 0.01, onTop.Z, 9);
        }
        Assert.Equal(8, yaws.Distinct().Count());
    }

    [Fact]
    public void Place_SampledYawOnStaticFixture_ThrowsNamingThePart()
    {
        using var task = Compile(CabinetAt(new Cabinet("static_cabinet", Rgba.Wood)));
        using var data = new MjData(task.Model);
        var e = Assert.Throws<InvalidOperationException>(() => RegionInitSampler.Instance.Place(task, data, new Random(0)));
        Assert.Contains("'static_cabinet' has a sampled yaw but is not a mocap body", e.Message);
    }

    [Fact]
    public void Place_JitterXZero_VariesOnlyY()
    {
        var bowl = Vessel.BlackBowl("bowl");
        using var task = Compile(new Placement(bowl, -0.075, 0, Math.PI / 2, 0.015) { JitterX = 0 });
        using var data = new MjData(task.Model);
        var adr = task.Model.JointQposAddress(task.Model.JointId(ContextSampler.FreeJointName(bowl.Name)));
        var ys = new List<double>();
        for (var seed = 0; seed < 8; seed++)
        {
            RegionInitSampler.Instance.Place(task, data, new Random(seed));
            Assert.Equal(-0.075, data.Qpos[adr], 12);
            Assert.InRange(data.Qpos[adr + 1], -0.015, 0.015);
            ys.Add(data.Qpos[adr + 1]);
        }
        Assert.Equal(8, ys.Distinct().Count());
    }

    [Fact]
    public void Place_PlacementRadius_OverridesThePartsForKeepingStartsApart()
    {
        // A bowl 11 cm from a plate: too close for their rims' radii (0.073 + 0.058), fine for the plate's clearance radius.
        var plate = Vessel.Plate("plate");
        var bowl = Vessel.BlackBowl("bowl");
        using var tooClose = Compile(new Placement(plate, 0.06, 0.2, 0, 0), new Placement(bowl, -0.05, 0.2, 0, 0));
        using var data = new MjData(tooClose.Model);
        Assert.Throws<InvalidOperationException>(() => RegionInitSampler.Instance.Place(tooClose, data, new Random(0)));

        using var fits = Compile(new Placement(plate, 0.06, 0.2, 0, 0) { Radius = 0.049 }, new Placement(bowl, -0.05, 0.2, 0, 0));
        using var data2 = new MjData(fits.Model);
        RegionInitSampler.Instance.Place(fits, data2, new Random(0));
    }
}
