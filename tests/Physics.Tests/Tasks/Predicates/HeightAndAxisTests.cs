using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

/// <summary>MetaWorld's one-axis and height tests (<see cref="Along"/>, <see cref="Above"/>, <see cref="Below"/>) on hand-posed states either side of their thresholds.</summary>
[Trait("Category", "Fast")]
public sealed class HeightAndAxisTests : IDisposable
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

    private readonly MjModel _model = MjModel.FromXml(Scene, "height-axis-test");
    private readonly MjData _data;

    public HeightAndAxisTests() => _data = new MjData(_model);

    [Theory]
    [InlineData(0, 0.0239, true)]
    [InlineData(0, 0.0241, false)]
    [InlineData(1, -0.0239, true)]
    [InlineData(1, -0.0241, false)]
    [InlineData(2, 0.0239, true)]
    [InlineData(2, 0.0241, false)]
    public void Holds_OffsetAlongOneAxisAroundThreshold_TrueOnlyInside(int axis, double offset, bool expected)
    {
        // Far apart on the other two axes: only the tested one counts.
        var b = new Vec3(0.1, 0.6, 0.2);
        var a = b + new Vec3(axis == 0 ? offset : 0.3, axis == 1 ? offset : 0.3, axis == 2 ? offset : 0.3);
        Place(a, b);

        Assert.Equal(expected, new Along("a", "b", axis, 0.024).Bind(_model).Holds(_data));
    }

    [Theory]
    [InlineData(0.019, true)]
    [InlineData(0.021, false)]
    public void Holds_AlongWithSiteAndOffset_MeasuresFromTheOffsetSite(double gap, bool expected)
    {
        // The site is 0.1 above a's origin; the offset takes 0.05 off again.
        Place(a: new(0, 0.7, 0), b: new(0, 0.7, 0.05 + gap));

        Assert.Equal(expected, new Along("site:a_tip", "b", 2, 0.02, OffsetA: new(0, 0, -0.05)).Bind(_model).Holds(_data));
    }

    [Fact]
    public void Bind_AxisOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Along("a", "b", 3, 0.02).Bind(_model));

    [Theory]
    [InlineData(0.1749, false)]
    [InlineData(0.1751, true)]
    public void Holds_SiteHeightAroundThreshold_TrueOnlyAbove(double baseHeight, bool expected)
    {
        // The site rides 0.1 above the body: the test reads the site, not the origin.
        Place(a: new(0, 0.6, baseHeight - 0.1), b: new(0, 0.6, 0));

        Assert.Equal(expected, new Above("site:a_tip", 0.175).Bind(_model).Holds(_data));
    }

    [Theory]
    [InlineData(0.099, true)]
    [InlineData(0.101, false)]
    public void Holds_PointHeightAroundReference_TrueOnlyBelow(double height, bool expected)
    {
        // The reference is a's site, 0.1 up; b is 0.2 away sideways, which does not matter.
        Place(a: new(0, 0.6, 0), b: new(0.2, 0.6, height));

        Assert.Equal(expected, new Below("b", "site:a_tip").Bind(_model).Holds(_data));
    }

    [Fact]
    public void Describe_NamesAxisPointsAndThresholds()
    {
        Assert.Equal("Alongz(site:button, site:hole, 0.024)", new Along("site:button", "site:hole", 2, 0.024).Describe());
        Assert.Equal("Above(obj, 0.175)", new Above("obj", 0.175).Describe());
        Assert.Equal("Below(nut, peg)", new Below("nut", "peg").Describe());
    }

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
