using RiptOrleans.Physics.Randomness;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Tests.Randomness;

[Trait("Category", "Fast")]
public class SeedsTests
{
    // Fixed values: a guard against string.GetHashCode or HashCode.Combine (randomised per process) creeping in, and against
    // a change that would redraw every suite's evaluation contexts or every recorded run.
    [Fact]
    public void Context_IsTheSameOnEveryMachine() => Assert.Equal(1958049821, Seeds.Context("a/b", ContextSplit.Eval, 0));

    [Fact]
    public void ContextDraw_IsTheSameOnEveryMachine() => Assert.Equal(316403295, Seeds.ContextDraw(1, 0));

    [Fact]
    public void UpdateShuffle_IsTheSameOnEveryMachine() => Assert.Equal(1927207671, Seeds.UpdateShuffle(1, 0));

    [Fact]
    public void RolloutGroup_IsTheSameOnEveryMachine() => Assert.Equal(6152473956111596816, Seeds.RolloutGroup(1, 0, 0, "libero-mini/x#0"));

    [Fact]
    public void DemoNoise_IsTheSeedOfTheTrainingContextTheDemoStartsFrom() =>
        Assert.Equal(Seeds.Context("a/b", ContextSplit.Train, 3), Seeds.DemoNoise("a/b", 3));

    [Fact]
    public void Derivations_OfTheSameRunAndIteration_Differ() => Assert.NotEqual(Seeds.ContextDraw(7, 2), Seeds.UpdateShuffle(7, 2));

    [Fact]
    public void RolloutGroup_DependsOnTheContext() =>
        Assert.NotEqual(Seeds.RolloutGroup(1, 0, 0, "t#0"), Seeds.RolloutGroup(1, 0, 0, "t#1"));
}
