using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Tests.Encoders;

/// <summary>Named state layouts: fields gathered by name across tasks, absent fields flagged, selections drop the rest.</summary>
[Trait("Category", "Fast")]
public sealed class StateLayoutTests
{
    private static readonly (string, int)[] TaskA = [("ee_pos", 3), ("bowl_pos", 3)];
    private static readonly (string, int)[] TaskB = [("ee_pos", 3), ("plate_pos", 3), ("bowl_pos", 3)];

    private static StateLayout Layout(params StateField[] fields) =>
        new(new PolicyConfig(PolicyKind.Regression, fields.Sum(f => f.Size), 4, 1, 1, []) { StateFields = fields });

    private static (float[] Values, float[] Present) Map(StateLayout layout, float[] state, IReadOnlyList<(string, int)>? fields)
    {
        var values = new float[layout.Size];
        var present = new float[layout.FieldCount];
        layout.Map(new PolicyObservation(state, null, "x", fields), 0, values, present);
        return (values, present);
    }

    [Fact]
    public void Map_TasksWithDifferentLayouts_PutsEachObjectAtOneIndex()
    {
        var layout = Layout(new("ee_pos", 3), new("bowl_pos", 3), new("plate_pos", 3));

        var a = Map(layout, [1, 2, 3, 4, 5, 6], TaskA);
        var b = Map(layout, [1, 2, 3, 7, 8, 9, 4, 5, 6], TaskB);

        Assert.Equal([1, 2, 3, 4, 5, 6, 0, 0, 0], a.Values);
        Assert.Equal([1, 1, 0], a.Present);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], b.Values);
        Assert.Equal([1, 1, 1], b.Present);
    }

    [Fact]
    public void Map_ProprioSelection_LeavesObjectPosesOut()
    {
        var layout = Layout(new StateField("ee_pos", 3));
        var (values, present) = Map(layout, [1, 2, 3, 7, 8, 9, 4, 5, 6], TaskB);
        Assert.Equal([1, 2, 3], values);
        Assert.Equal([1], present);
    }

    [Fact]
    public void Map_FieldOfAnotherSize_IsRefusedNamingTheField()
    {
        var layout = Layout(new StateField("bowl_pos", 7));
        var e = Assert.Throws<ArgumentException>(() => Map(layout, [1, 2, 3, 4, 5, 6], TaskA));
        Assert.Contains("bowl_pos", e.Message);
    }

    [Fact]
    public void Map_NoFieldNamesAndAnotherLength_IsRefusedAskingForTheFields()
    {
        var layout = Layout(new("ee_pos", 3), new("bowl_pos", 3));
        var e = Assert.Throws<ArgumentException>(() => Map(layout, [1, 2, 3, 4], null));
        Assert.Contains("field names", e.Message);
        Assert.Equal([1, 2, 3, 4, 5, 6], Map(layout, [1, 2, 3, 4, 5, 6], null).Values);
    }

    [Fact]
    public void Map_UnnamedLayout_ZeroPadsByPosition()
    {
        var layout = new StateLayout(new PolicyConfig(PolicyKind.Regression, 5, 4, 1, 1, []));
        Assert.Equal(0, layout.FieldCount);
        Assert.Equal([1, 2, 3, 0, 0], Map(layout, [1, 2, 3], TaskA).Values);
    }

    [Fact]
    public void FromObservations_AbsentFields_DoNotEnterTheStatistics()
    {
        var layout = Layout(new("ee_pos", 3), new("bowl_pos", 3), new("plate_pos", 3));
        var tokenizer = WordTokenizer.Build(["x"]);
        var stats = InputStatistics.FromObservations(tokenizer, layout,
        [
            new([0, 0, 0, 2, 2, 2], null, "x", TaskA),
            new([2, 2, 2, 7, 7, 7, 4, 4, 4], null, "x", TaskB),
        ]);
        Assert.Equal([1, 1, 1, 3, 3, 3, 7, 7, 7], stats.StateMean);
        // the plate was seen once: a constant entry is divided by 1
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1], stats.StateStd);
    }
}
