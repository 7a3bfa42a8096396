using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Mujoco;

[Trait("Category", "Fast")]
public class MjModelTests
{
    [Fact]
    public void FromXml_ValidScene_ReportsSizes()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        Assert.Equal(8, model.Nq);          // free (7) + slide (1)
        Assert.Equal(7, model.Nv);          // free (6) + slide (1)
        Assert.Equal(1, model.Nu);
        Assert.Equal(0, model.Na);
        Assert.Equal(4, model.NBody);       // world, ball, cart, target
        Assert.Equal(2, model.NJnt);
        Assert.Equal(4, model.NGeom);
        Assert.Equal(2, model.NSite);
        Assert.Equal(2, model.NCam);
        Assert.Equal(1, model.NMocap);
        Assert.Equal(0, model.NSensorData);
        Assert.Equal(0.002, model.Timestep);
    }

    [Fact]
    public void FromXml_MalformedXml_ThrowsNamingLine()
    {
        var xml = "<mujoco>\n<worldbody>\n<body>\n</worldbody>\n</mujoco>";
        var e = Assert.Throws<MujocoException>(() => MjModel.FromXml(xml, "broken.xml"));
        Assert.Equal(-3, e.Code);
        Assert.Equal("broken.xml", e.Input);
        Assert.Contains("broken.xml", e.Message);
        Assert.Matches("(?i)line", e.Message);
    }

    [Fact]
    public void FromXml_UnknownElement_ThrowsNamingElementAndLine()
    {
        var xml = "<mujoco>\n<worldbody>\n<bdy/>\n</worldbody>\n</mujoco>";
        var e = Assert.Throws<MujocoException>(() => MjModel.FromXml(xml));
        Assert.Contains("bdy", e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Equal("<string>", e.Input);
    }

    [Fact]
    public void FromFile_MissingFile_ThrowsNamingPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.xml");
        var e = Assert.Throws<MujocoException>(() => MjModel.FromFile(path));
        Assert.Equal(-4, e.Code);
        Assert.Equal(path, e.Input);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void FromFile_ValidFile_Loads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scene-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, TestScenes.BallAndSlider);
        try
        {
            using var model = MjModel.FromFile(path);
            Assert.Equal(path, model.Source);
            Assert.Equal(8, model.Nq);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BodyId_UnknownName_ThrowsListingExistingNames()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        var e = Assert.Throws<MujocoException>(() => model.BodyId("robot"));
        Assert.Equal("robot", e.Input);
        Assert.Contains("'robot'", e.Message);
        Assert.Contains("ball", e.Message);
        Assert.Contains("cart", e.Message);
        Assert.Contains("target", e.Message);
    }

    [Fact]
    public void CameraId_UnknownName_ThrowsListingCameras()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        var e = Assert.Throws<MujocoException>(() => model.CameraId("wrist"));
        Assert.Contains("above, side", e.Message);
    }

    [Fact]
    public void NameLookups_KnownNames_ReturnIdsAndRoundTrip()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        Assert.Equal(1, model.BodyId("ball"));
        Assert.Equal("cart", model.BodyName(model.BodyId("cart")));
        Assert.Equal(1, model.JointId("slider"));
        Assert.Equal(0, model.SiteId("ball_site"));
        Assert.Equal(0, model.ActuatorId("push"));
        Assert.Equal(1, model.CameraId("side"));
        Assert.Equal("floor", model.GeomName(model.GeomId("floor")));
        Assert.True(model.TryGeomId("cart", out var g));
        Assert.Equal(model.BodyId("cart"), model.GeomBodyId(g));
        Assert.False(model.TryJointId("nope", out var j));
        Assert.Equal(-1, j);
    }

    [Fact]
    public void Metadata_FreeAndSlideJoints_MatchMujocoLayout()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        var slider = model.JointId("slider");
        Assert.Equal(7, model.JointQposAddress(slider));
        Assert.Equal(6, model.JointDofAddress(slider));
        Assert.Equal(MjJointType.Slide, model.JointType(slider));
        Assert.Equal(MjJointType.Free, model.JointType(model.JointId("ball_free")));
        Assert.True(model.JointLimited(slider));
        Assert.Equal((-0.4, 0.4), model.JointRange(slider));
        Assert.Equal((-5.0, 5.0), model.ActuatorCtrlRange(model.ActuatorId("push")));
        Assert.Equal(slider, model.ActuatorTargetId(0));
        Assert.Equal(0, model.BodyParentId(model.BodyId("ball")));
        Assert.Equal(0, model.BodyMocapId(model.BodyId("target")));
        Assert.Equal(-1, model.BodyMocapId(model.BodyId("ball")));
        Assert.Equal(2.0, model.BodyMass(model.BodyId("cart")), 12);
        Assert.Equal(1.0, model.Qpos0[2]);
    }

    [Fact]
    public void JointQposAddress_IdOutOfRange_Throws()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.JointQposAddress(5));
    }

    [Fact]
    public void Timestep_Set_ChangesTimeAdvancedPerStep()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        model.Timestep = 0.005;
        using var data = new MjData(model);
        data.Step(4);
        Assert.Equal(0.02, data.Time, 12);
        Assert.Throws<MujocoException>(() => model.Timestep = -1);
    }

    [Fact]
    public void Dispose_ModelBeforeData_DataKeepsWorking()
    {
        var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        model.Dispose();
        // The native model is freed only when the last data using it is disposed.
        data.Step(10);
        Assert.True(data.Qpos[2] < 1.0);
        Assert.Throws<ObjectDisposedException>(() => model.JointQposAddress(0));
    }
}
