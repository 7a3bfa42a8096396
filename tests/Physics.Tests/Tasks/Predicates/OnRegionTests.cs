using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

public class OnRegionTests
{
    // The fixture's top is at z = 0.02; the item rests on it with its centre at 0.039 (1 mm overlap).
    private static readonly Vec3 Resting = new(0.5, 0, 0.039);

    private static bool Holds(PredicateScene scene, string? fixture = "fixture") =>
        new OnRegion("item", "region", PredicateScene.RegionHalf, fixture).Bind(scene.Model).Holds(scene.Data);

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.074, 0.0, true)]
    [InlineData(0.076, 0.0, false)]
    [InlineData(0.0, -0.074, true)]
    [InlineData(0.0, -0.076, false)]
    public void Holds_ItemRestingOnFixture_TrueInsideRegionXy(double dx, double dy, bool expected)
    {
        using var scene = new PredicateScene().Item(Resting + new Vec3(dx, dy, 0));
        Assert.Equal(expected, Holds(scene));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Holds_ItemAboveRegionNotTouchingFixture_FalseWithFixtureTrueWithout()
    {
        using var scene = new PredicateScene().Item(Resting + new Vec3(0, 0, 0.03));
        Assert.False(Holds(scene));
        Assert.True(Holds(scene, fixture: null));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.099, true)]
    [InlineData(0.101, false)]
    public void Holds_TableRegionWithoutFixture_TrueUpTo10CmAboveItsTop(double aboveTop, bool expected)
    {
        // Height is measured from the site's centre: true between h − 0.005 and h + 0.10 (h = 0.0025).
        using var scene = new PredicateScene().Item(PredicateScene.RegionCentre + new Vec3(0, 0, PredicateScene.RegionHalf.Z + aboveTop));
        Assert.Equal(expected, Holds(scene, fixture: null));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(-0.004, true)]
    [InlineData(-0.006, false)]
    public void Holds_ItemOriginBelowRegionTop_TrueWithin5Mm(double belowTop, bool expected)
    {
        using var scene = new PredicateScene().Item(PredicateScene.RegionCentre + new Vec3(0, 0, PredicateScene.RegionHalf.Z + belowTop));
        Assert.Equal(expected, Holds(scene, fixture: null));
    }
}
