using RiptOrleans.Physics.Experts.Libero;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Scenes.Objects;

namespace RiptOrleans.Physics.Tests.Experts.Libero;

[Trait("Category", "Fast")]
public class LiberoObjectExpertsTests
{
    /// <summary>The box's extent across the fingers when the hand is turned by θ from square across its short side.</summary>
    private static double Footprint(BoxObject box, double turn) =>
        2 * (box.HalfSize.Y * Math.Cos(turn) + box.HalfSize.X * Math.Abs(Math.Sin(turn)));

    [Theory]
    [InlineData("butter")]
    [InlineData("cream_cheese")]
    [InlineData("chocolate_pudding")]
    public void BoxTurns_GroceryBox_SquareFirstThenTurnsEitherWayThatFitTheOpenFingers(string category)
    {
        var box = (BoxObject)Groceries.Item(category);

        var turns = LiberoObjectExperts.BoxTurns(box).ToList();

        Assert.Equal(0, turns[0]);
        Assert.Equal(5, turns.Count);
        Assert.Equal(turns.Where(t => t > 0).Order(), turns.Where(t => t < 0).Select(t => -t).Order());
        // The widest turn leaves the fingers 6 mm either side, and it is a real turn (over 10°).
        var widest = turns.Max();
        Assert.True(widest > 10 * Math.PI / 180, $"widest turn {widest} rad");
        Assert.Equal(2 * PandaArm.FingerTravel - 0.012, Footprint(box, widest), 9);
    }

    [Fact]
    public void BoxTurns_BoxWiderThanTheFingersAllow_OnlySquare()
    {
        var box = new BoxObject("wide", new(0.05, 0.036, 0.02), Rgba.White);

        Assert.Equal([0.0], LiberoObjectExperts.BoxTurns(box));
    }
}
