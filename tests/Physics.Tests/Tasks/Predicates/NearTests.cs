using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

[Trait("Category", "Fast")]
public sealed class NearTests : IDisposable
{
    // A mocap body carrying a site 0.1 above its origin, and a free sphere; states are built by hand, never stepped.
    private const string Scene = """
        <mujoco>
          <worldbody>
            <body name="a" mocap="true"><site name="a_tip" pos="0 0 0.1"/></body>
            <body name="b"><freejoint name="b_joint"/><geom type="sphere" size="0.01"/></body>
          </worldbody>
        </mujoco>
        """;

    private readonly MjModel _model = MjModel.FromXml(Scene, "near-test");
    private readonly MjData _data;

    public NearTests() => _data = new MjData(_model);

    [Theory]
    [InlineData(0.049, true)]
    [InlineData(0.051, false)]
    public void Holds_BodyDistanceAroundThreshold_TrueOnlyInside(double distance, bool expected)
    {
        Place(a: new(0.1, 0.6, 0.05), b: new(0.1, 0.6 + distance * 0.6, 0.05 + distance * 0.8));

        Assert.Equal(expected, new Near("a", "b", 0.05).Bind(_model).Holds(_data));
    }

    [Theory]
    [InlineData(0.029, true)]
    [InlineData(0.031, false)]
    public void Holds_SitePointAroundThreshold_MeasuresFromTheSite(double distance, bool expected)
    {
        // b is 0.1 from a's origin but only `distance` from the site on a.
        Place(a: new(0, 0.7, 0), b: new(distance, 0.7, 0.1));

        Assert.Equal(expected, new Near("site:a_tip", "b", 0.03).Bind(_model).Holds(_data));
        Assert.False(new Near("a", "b", 0.03).Bind(_model).Holds(_data));
    }

    [Theory]
    [InlineData(0.079, true)]
    [InlineData(0.081, false)]
    public void Holds_OffsetPointAroundThreshold_AddsTheOffset(double distance, bool expected)
    {
        Place(a: new(0, 0.5, 0), b: new(0, 0.5 - 0.36 + distance, 0.09));

        Assert.Equal(expected, new Near("b", "a", 0.08, OffsetB: new(0, -0.36, 0.09)).Bind(_model).Holds(_data));
    }

    [Fact]
    public void Holds_XOnly_IgnoresYAndZ()
    {
        Place(a: new(0, 0.5, 0), b: new(0.04, 0.9, 0.3));

        Assert.True(new Near("a", "b", 0.05, XOnly: true).Bind(_model).Holds(_data));
        Assert.False(new Near("a", "b", 0.05).Bind(_model).Holds(_data));
    }

    [Fact]
    public void Bind_UnknownPoint_ThrowsNamingIt()
    {
        var e = Assert.Throws<MujocoException>(() => new Near("site:nowhere", "b", 0.05).Bind(_model));

        Assert.Contains("nowhere", e.Message);
    }

    [Fact]
    public void Describe_NamesPointsAndThreshold() => Assert.Equal("Near(obj, goal, 0.07)", new Near("obj", "goal", 0.07).Describe());

    /// <summary>Puts the mocap body and the free body at positions, then recomputes positions (no time passes).</summary>
    private void Place(Vec3 a, Vec3 b)
    {
        a.CopyTo(_data.MocapPos);
        var adr = _model.JointQposAddress(_model.JointId("b_joint"));
        b.CopyTo(_data.Qpos.Slice(adr, 3));
        _data.Forward();
    }

    public void Dispose()
    {
        _data.Dispose();
        _model.Dispose();
    }
}
