using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

public class OnTests
{
    // The support box's top is at z = 0.10; the 4 cm item rests on it with its centre at 0.12 (1 mm overlap to touch).
    private const double Resting = 0.119;

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, true)]
    [InlineData(0.029, true)]
    [InlineData(0.031, false)]
    [InlineData(0.045, false)]
    public void Holds_ItemRestingOffsetInXy_TrueWithin3Cm(double offset, bool expected)
    {
        using var scene = new PredicateScene().Item(new Vec3(offset, 0, Resting));
        Assert.Equal(expected, new On("item", "support").Bind(scene.Model).Holds(scene.Data));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Holds_ItemHoveringAboveSupport_False()
    {
        using var scene = new PredicateScene().Item(new Vec3(0, 0, Resting + 0.005));
        Assert.False(new On("item", "support").Bind(scene.Model).Holds(scene.Data));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Holds_SupportAboveItem_False()
    {
        // The item on the floor and the support box resting on it: touching and aligned, but upside down.
        using var scene = new PredicateScene().Item(new Vec3(0, 0, 0.02)).Support(new Vec3(0, 0, 0.0895));
        var on = new On("item", "support").Bind(scene.Model);
        Assert.False(on.Holds(scene.Data));
        Assert.True(new On("support", "item").Bind(scene.Model).Holds(scene.Data));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Bind_UnknownBody_ThrowsNamingIt()
    {
        using var scene = new PredicateScene();
        var e = Assert.ThrowsAny<Exception>(() => new On("no_such_body", "support").Bind(scene.Model));
        Assert.Contains("no_such_body", e.Message);
    }
}
