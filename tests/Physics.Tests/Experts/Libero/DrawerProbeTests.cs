using RiptOrleans.Physics.Experts.Libero;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Fixtures;

namespace RiptOrleans.Physics.Tests.Experts.Libero;

[Trait("Category", "Fast")]
public class DrawerProbeTests
{
    [Theory]
    [InlineData(Math.PI)]
    [InlineData(2.661)]
    [InlineData(2.724)]
    public void Probe_CabinetTurnedAfterPlacement_FollowsItsLiveYaw(double yaw)
    {
        // Placed at yaw π, then turned through its mocap pose as libero-spatial samples it per context.
        var cabinet = new Cabinet("cabinet", Rgba.Wood) { Movable = true };
        var scene = new SceneBuilder("drawer-probe");
        cabinet.Build(scene, new Vec3(0.03, -0.27, 0.9), Math.PI);
        using var model = MjModel.FromXml(scene.ToXml());
        using var data = new MjData(model);
        Quat.FromYaw(yaw).CopyTo(data.MocapQuat[..4]);
        var probe = new DrawerProbe(model, cabinet, "top", Math.PI);
        var q = model.JointQposAddress(model.JointId(cabinet.Joint("top")));

        data.Forward();
        var closedFloor = probe.Floor(data);
        var closedHandle = probe.Handle(data);
        data.Qpos[q] = -0.15;
        data.Forward();

        var opening = probe.Opening(data);
        Assert.Equal(Math.Sin(yaw), opening.X, 9);
        Assert.Equal(-Math.Cos(yaw), opening.Y, 9);
        Assert.Equal(0, opening.Z, 9);
        // Opened 15 cm, floor and handle move 15 cm along the live opening direction, and the floor stays under the region site.
        Assert.True((probe.Floor(data) - closedFloor - 0.15 * opening).Norm < 1e-9);
        Assert.True((probe.Handle(data) - closedHandle - 0.15 * opening).Norm < 1e-9);
        var region = Vec3.From(data.SiteXpos, model.SiteId(cabinet.Region("top")));
        Assert.True((region - probe.Floor(data)).NormXy < 1e-9);
    }

    [Fact]
    public void Front_DrawerOpened_ColumnsMoveWithItsFrontFromTheFootToOverTheHandle()
    {
        var cabinet = new Cabinet("cabinet", Rgba.Wood);
        var scene = new SceneBuilder("drawer-front");
        cabinet.Build(scene, new Vec3(0, 0.30, 0.9), 0);
        using var model = MjModel.FromXml(scene.ToXml());
        using var data = new MjData(model);
        var probe = new DrawerProbe(model, cabinet, "top", 0);
        var q = model.JointQposAddress(model.JointId(cabinet.Joint("top")));
        data.Qpos[q] = -0.15;
        data.Forward();

        var columns = probe.Front(data).ToList();

        Assert.Equal(3, columns.Count);
        var handle = probe.Handle(data);
        foreach (var c in columns)
        {
            // On the handle's line across the drawer, standing on the cabinet's foot and reaching 1 cm over the handle's top.
            Assert.Equal(handle.Y, c.Bottom.Y, 9);
            Assert.Equal(0.9, c.Bottom.Z, 9);
            Assert.Equal(handle.Z + Cabinet.HandleHalfSize.Z + 0.01, c.Bottom.Z + c.Height, 9);
        }
        Assert.Contains(columns, c => Math.Abs(c.Bottom.X - handle.X) < 1e-9);
    }
}
