using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

public class InTests
{
    private static bool Holds(PredicateScene scene) =>
        new In("item", "inside", PredicateScene.InsideHalf).Bind(scene.Model).Holds(scene.Data);

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, 0.0, 0.0, true)]
    [InlineData(0.094, 0.0, 0.0, true)]
    [InlineData(0.096, 0.0, 0.0, false)]
    [InlineData(0.0, 0.069, 0.0, true)]
    [InlineData(0.0, -0.071, 0.0, false)]
    [InlineData(0.0, 0.0, 0.029, true)]
    [InlineData(0.0, 0.0, 0.031, false)]
    [InlineData(0.0, 0.0, -0.039, true)] // the lower bound is extended by 1 cm
    [InlineData(0.0, 0.0, -0.041, false)]
    public void Holds_ItemOffsetFromInteriorCentre_TrueInsideExtendedBox(double dx, double dy, double dz, bool expected)
    {
        using var scene = new PredicateScene().Item(PredicateScene.InsideCentre + new Vec3(dx, dy, dz));
        Assert.Equal(expected, Holds(scene));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Holds_DrawerSlidOutFromUnderItem_False()
    {
        // The test runs in the site's frame, so it follows the drawer: open it 10 cm and the item is left behind.
        using var scene = new PredicateScene().Item(PredicateScene.InsideCentre);
        Assert.True(Holds(scene));
        scene.Joint("slide", -0.10);
        Assert.False(Holds(scene));
        scene.Item(PredicateScene.InsideCentre + new Vec3(0, -0.10, 0));
        Assert.True(Holds(scene));
    }
}
