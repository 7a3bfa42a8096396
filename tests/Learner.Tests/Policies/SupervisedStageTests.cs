using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Policies;

/// <summary>Each supervised stage lowers its own loss and leaves the frozen parts alone.</summary>
[Trait("Category", "Fast")]
public sealed class SupervisedStageTests
{
    private static (double First, double Last) Train(IPolicy policy, string stage, int steps, bool images = false)
    {
        var staged = (ISupervisedStages)policy;
        staged.Stage = stage;
        policy.Train(true);
        var ps = staged.StageParameters().ToList();
        using var opt = new Optim.AdamW(ps, 3e-3);
        var windows = PolicyFixtures.Windows(32, images);
        double first = 0, last = 0;
        for (var i = 0; i < steps; i++)
        {
            using var scope = TensorScope.Open();
            opt.ZeroGrad();
            var loss = policy.BcLoss(windows);
            loss.Backward();
            opt.Step();
            if (i == 0) first = loss.Item();
            last = loss.Item();
        }
        policy.Train(false);
        return (first, last);
    }

    [Theory]
    [InlineData(TokenizedPolicy.AutoencoderStage, false)]
    [InlineData(TokenizedPolicy.PriorStage, false)]
    [InlineData(TokenizedPolicy.PriorStage, true)]
    public void BcLoss_Tokenized_DecreasesWithTraining(string stage, bool images)
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Tokenized, images);
        if (stage == TokenizedPolicy.PriorStage) Train(policy, TokenizedPolicy.AutoencoderStage, 60, images);
        var (first, last) = Train(policy, stage, 60, images);
        Assert.True(last < first * 0.8, $"{stage} loss {first} → {last}");
    }

    [Fact]
    public void BcLoss_RegressionScaleStage_LowersNllAndLeavesTheActionHead()
    {
        using var policy = (RegressionPolicy)PolicyFixtures.Create(PolicyKind.Regression);
        Train(policy, RegressionPolicy.ActionStage, 80);
        var before = policy.ActionHead.Weight.ToArray<float>();
        var (first, last) = Train(policy, RegressionPolicy.ScaleStage, 80);
        Assert.True(last < first, $"scale NLL {first} → {last}");
        Assert.Equal(before, policy.ActionHead.Weight.ToArray<float>());
    }

    [Fact]
    public void Stage_Unknown_ThrowsListingTheStages()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var e = Assert.Throws<ArgumentException>(() => ((ISupervisedStages)policy).Stage = "nope");
        Assert.Contains("action, scale", e.Message);
    }
}
