using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Policies;

/// <summary>Action normalisation: statistics from demo actions, and normalise / denormalise as inverses.</summary>
[Trait("Category", "Fast")]
public sealed class ActionNormalizerTests
{
    [Fact]
    public void Denormalize_OfNormalize_GivesTheChunkBack()
    {
        using var norm = new ActionNormalizer(2, [0.5f, -1f], [2f, 0.25f]);
        using var scope = TensorScope.Open();
        var raw = Tensor.FromArray(new float[] { 1, 2, 3, 4, -5, 6, 0.5f, -1 }, 2, 4);

        var z = norm.Normalize(raw);

        Assert.Equal([0.25f, 12, 1.25f, 20, -2.75f, 28, 0, 0], z.ToArray<float>());
        Assert.Equal(raw.ToArray<float>(), norm.Denormalize(z).ToArray<float>());
    }

    [Fact]
    public void WithActions_ComputesMeanAndStdPerEntryWithAFloor()
    {
        var stats = InputStatistics.Identity(WordTokenizer.Build(["x"]), 1)
            .WithActions([new float[] { 1, 5 }, new float[] { 3, 5 }], 2);
        Assert.NotNull(stats.ActionMean);
        Assert.NotNull(stats.ActionStd);
        Assert.Equal([2f, 5f], stats.ActionMean);
        Assert.Equal([1f, InputStatistics.MinActionStd], stats.ActionStd);
    }

    [Fact]
    public void Normalize_TensorOfPartialActions_IsRefused()
    {
        using var norm = new ActionNormalizer(3, null, null);
        using var scope = TensorScope.Open();
        Assert.Throws<ArgumentException>(() => norm.Normalize(Tensor.FromArray(new float[4], 1, 4)));
    }
}
