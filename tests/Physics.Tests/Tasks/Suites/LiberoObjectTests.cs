using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Predicates;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoObjectTests
{
    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Always_TheSpecsTenItemsInOrderEachIntoTheBasketWithAnExpert()
    {
        var tasks = TaskRegistry.Suite(LiberoObject.Name);

        Assert.Equal(
        [
            "alphabet soup", "cream cheese", "salad dressing", "bbq sauce", "ketchup", "tomato sauce", "butter", "milk", "chocolate pudding",
            "orange juice",
        ], tasks.Select(t => t.Instruction["pick up the ".Length..t.Instruction.IndexOf(" and place", StringComparison.Ordinal)]));
        Assert.All(tasks, t =>
        {
            Assert.Equal(280, t.Horizon);
            Assert.NotNull(t.Expert);
            var target = t.TrackedObjects[0];
            Assert.Equal(new In(target, "basket_1_contain_region", Basket.ContainHalfSize), t.Goal);
            Assert.Equal(7, t.Placements.Count);
        });
    }

    /// <summary>Spec A10.2: the target's spot, then the distractors in BDDL order over the remaining spots.</summary>
    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0, "alphabet_soup_1", -0.12, -0.24, "salad_dressing_1", 0.05, -0.10)]
    [InlineData(1, "cream_cheese_1", 0.05, -0.10, "alphabet_soup_1", -0.12, -0.24)]
    [InlineData(9, "orange_juice_1", 0.05, -0.10, "salad_dressing_1", -0.20, -0.08)]
    public void Tasks_Layout_PutsTargetAndDistractorsOnTheSpecsSpots(int index, string target, double tx, double ty, string distractor, double dx, double dy)
    {
        var placements = LiberoObject.Tasks()[index].Placements;

        var t = placements.Single(p => p.Part.Name == target);
        var d = placements.Single(p => p.Part.Name == distractor);

        Assert.Equal((tx, ty, 0.0), (t.X, t.Y, t.Jitter));
        Assert.Equal((dx, dy, 0.0), (d.X, d.Y, d.Jitter));
        Assert.Equal((0.0, 0.26, 0.015), placements.Where(p => p.Part is Basket).Select(p => (p.X, p.Y, p.Jitter)).Single());
    }
}
