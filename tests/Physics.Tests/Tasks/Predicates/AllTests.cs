using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

public class AllTests
{
    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(-0.15, 0.6, true)]
    [InlineData(-0.10, 0.6, false)]
    [InlineData(-0.15, 0.4, false)]
    [InlineData(-0.10, 0.4, false)]
    public void Holds_DrawerOpenAndKnobOn_TrueOnlyWhenBothHold(double slide, double knob, bool expected)
    {
        using var scene = new PredicateScene().Joint("slide", slide).Joint("knob_joint", knob);
        var all = new All(JointState.Open("slide"), JointState.TurnedOn("knob_joint"));
        Assert.Equal(expected, all.Bind(scene.Model).Holds(scene.Data));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Describe_TwoParts_IsAndOfBoth() =>
        Assert.Equal("And(Open(slide), TurnOn(knob_joint))", new All(JointState.Open("slide"), JointState.TurnedOn("knob_joint")).Describe());
}
