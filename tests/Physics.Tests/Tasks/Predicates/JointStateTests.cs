using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

public class JointStateTests
{
    [Theory]
    [Trait("Category", "Fast")]
    [InlineData("open", -0.15, true)]
    [InlineData("open", -0.141, true)]
    [InlineData("open", -0.139, false)]
    [InlineData("closed", 0.0, true)]
    [InlineData("closed", 0.005, true)]
    [InlineData("closed", -0.001, false)]
    public void Holds_DrawerSlide_TrueOnItsSideOfTheThreshold(string test, double q, bool expected)
    {
        using var scene = new PredicateScene().Joint("slide", q);
        var predicate = test == "open" ? JointState.Open("slide") : JointState.Closed("slide");
        Assert.Equal(expected, predicate.Bind(scene.Model).Holds(scene.Data));
        Assert.Equal(expected, predicate.Test(q));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData("on", 0.5, true)]
    [InlineData("on", 0.49, false)]
    [InlineData("off", -0.001, true)]
    [InlineData("off", 0.001, false)]
    public void Holds_Knob_TrueOnItsSideOfTheThreshold(string test, double q, bool expected)
    {
        using var scene = new PredicateScene().Joint("knob_joint", q);
        var predicate = test == "on" ? JointState.TurnedOn("knob_joint") : JointState.TurnedOff("knob_joint");
        Assert.Equal(expected, predicate.Bind(scene.Model).Holds(scene.Data));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Describe_Open_NamesLabelAndJoint() => Assert.Equal("Open(slide)", JointState.Open("slide").Describe());
}
