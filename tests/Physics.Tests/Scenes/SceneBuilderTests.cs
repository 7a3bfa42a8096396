using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;

namespace RiptOrleans.Physics.Tests.Scenes;

[Trait("Category", "Fast")]
public class SceneBuilderTests
{
    private static MjModel TableScene()
    {
        var scene = new SceneBuilder("table");
        TableArena.Main.Build(scene);
        return MjModel.FromXml(scene.ToXml());
    }

    [Fact]
    public void ToXml_TableArenaWithPanda_LoadsWithArmMotorsGripperServosAndCameras()
    {
        using var model = TableScene();

        Assert.Equal(9, model.Nu);
        for (var i = 0; i < PandaArm.ArmDofs; i++)
            Assert.Equal((-PandaArm.TorqueLimits[i], PandaArm.TorqueLimits[i]), model.ActuatorCtrlRange(model.ActuatorId(PandaArm.MotorName(i))));
        Assert.True(model.TryCameraId(TableArena.AgentviewCamera, out _));
        Assert.True(model.TryCameraId(PandaArm.WristCamera, out _));
    }

    [Fact]
    public void PandaArm_NominalPose_PutsGripSiteWhereTheSpecComputesItWithFingersDown()
    {
        using var model = TableScene();
        using var data = new MjData(model);
        for (var i = 0; i < PandaArm.ArmDofs; i++)
            data.Qpos[model.JointQposAddress(model.JointId(PandaArm.JointName(i)))] = PandaArm.InitQpos[i];
        data.Forward();

        var site = model.SiteId(PandaArm.GripSite);
        var p = Vec3.From(data.SiteXpos, site);
        // Spec A2: FK of the nominal pose puts the grip site at about (-0.21, 0.00, 1.17), tool z along -world z.
        Assert.InRange(p.X, -0.22, -0.20);
        Assert.InRange(p.Y, -0.005, 0.005);
        Assert.InRange(p.Z, 1.16, 1.18);
        Assert.True(Rotation.Axis(data.SiteXmat.Slice(9 * site, 9), 2).Z < -0.99);
    }

    [Fact]
    public void Set_Doubles_AreWrittenInvariantAndRoundTrip()
    {
        var e = new System.Xml.Linq.XElement("geom").Set("size", new[] { 0.1, 1e-7, 12345.678 });

        Assert.Equal("0.1 1E-07 12345.678", (string?)e.Attribute("size"));
    }

    [Fact]
    public void CameraLookAt_Target_LiesOnTheOpticalAxis()
    {
        var scene = new SceneBuilder("look");
        scene.World.CameraLookAt("cam", new(1, -1, 1), new(0, 0, 0), 45);
        using var model = MjModel.FromXml(scene.ToXml());
        using var data = new MjData(model);
        data.Forward();

        // A camera looks along its -z axis: the third column of its frame points from the target back to the camera.
        var cam = model.CameraId("cam");
        var back = Rotation.Axis(data.CamXmat.Slice(9 * cam, 9), 2);
        var expected = new Vec3(1, -1, 1) / Math.Sqrt(3);
        Assert.True((back - expected).Norm < 1e-9, $"camera z axis {back}, expected {expected}");
    }
}
