using RiptOrleans.Learner.Benchmarks;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>Runs alone: the live-tensor count is process-wide.</summary>
[CollectionDefinition(nameof(LiveTensorCollection), DisableParallelization = true)]
public sealed class LiveTensorCollection;

/// <summary>Native memory stays flat: the live-tensor count returns to its start value.</summary>
[Collection(nameof(LiveTensorCollection))]
[Trait("Category", "Fast")]
public sealed class LiveTensorTests
{
    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Tensor.LiveCount;
    }

    [Fact]
    public void ScopeLoop_10000Iterations_LiveCountReturnsToStart()
    {
        var start = Settle();
        using var w = Randn([8, 8]).DetachFromScope();
        for (var i = 0; i < 10_000; i++)
        {
            using var scope = TensorScope.Open();
            var x = Randn([4, 8]);
            var y = Functional.Softmax(x.MatMul(w) + 1.0, -1).Sum(0);
            var (v, idx) = y.TopK(2);
            _ = Tensor.Cat([v, idx.To(DType.Float32)]);
            Assert.True(scope.Count >= 8);
        }
        w.Dispose();
        Assert.Equal(start, Tensor.LiveCount);
    }

    [Fact]
    public void TrainingSteps_InScopes_LiveCountReturnsToStart()
    {
        using var model = new ReferenceTransformer(TransformerShape.Tiny);
        using var opt = new Optim.AdamW(model.Parameters(), 1e-3);
        using var tokens = RandInt(0, 64, [8, 17]).DetachFromScope();
        model.TrainStep(tokens, opt);
        var start = Settle();
        for (var i = 0; i < 20; i++) model.TrainStep(tokens, opt);
        Assert.Equal(start, Tensor.LiveCount);
    }
}
