using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Policies;

/// <summary>Each supervised stage lowers its own loss and leaves the frozen parts alone.</summary>
[Trait("Category", "Fast")]
public sealed class SupervisedStageTests
{
    private static (double First, double Last) Train(IPolicy policy, string stage, int steps, bool images = false, List<DemoWindow>? data = null)
    {
        var staged = (ISupervisedStages)policy;
        staged.Stage = stage;
        policy.Train(true);
        var ps = staged.StageParameters().ToList();
        using var opt = new Optim.AdamW(ps, 3e-3);
        var windows = data ?? PolicyFixtures.Windows(32, images);
        // mean of the first and last five steps: single dropout-noisy minibatches are no measure of progress
        var losses = new List<double>();
        for (var i = 0; i < steps; i++)
        {
            using var scope = TensorScope.Open();
            opt.ZeroGrad();
            var loss = policy.BcLoss(windows);
            loss.Backward();
            opt.Step();
            losses.Add(loss.Item());
        }
        var first = losses.Take(5).Average();
        var last = losses.TakeLast(5).Average();
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
    public void PriorCalibration_AfterThePriorStage_PutsMoreMassOnTheDemosTokens()
    {
        using var policy = (TokenizedPolicy)PolicyFixtures.Create(PolicyKind.Tokenized);
        Train(policy, TokenizedPolicy.AutoencoderStage, 60);
        var windows = PolicyFixtures.Windows(32);
        var before = policy.PriorCalibration(windows);
        Train(policy, TokenizedPolicy.PriorStage, 60);
        var after = policy.PriorCalibration(windows);

        Assert.True(after.MeanTarget > 2 * before.MeanTarget, $"p(demo token) {before.MeanTarget} → {after.MeanTarget}");
        Assert.InRange(after.Accuracy, 0, 1);
        Assert.True(after.MeanTop1 >= after.MeanTarget);
    }

    [Fact]
    public void PriorCalibration_TopKOne_DrawsTheGreedyChunkWithProbabilityOne()
    {
        using var g = new Generator(3);
        using var policy = (TokenizedPolicy)PolicyFactory.Create(PolicyFixtures.Config(PolicyKind.Tokenized) with { TopK = 1 }, PolicyFixtures.Inputs(), g);

        var calibration = policy.PriorCalibration(PolicyFixtures.Windows(16));

        Assert.Equal(1.0, calibration.GreedyChunk, 5);
    }

    [Fact]
    public void PriorCalibration_FullSoftmaxOfAnUntrainedPrior_RarelyDrawsTheGreedyChunk()
    {
        using var g = new Generator(3);
        using var policy = (TokenizedPolicy)PolicyFactory.Create(PolicyFixtures.Config(PolicyKind.Tokenized) with { TopK = 0 }, PolicyFixtures.Inputs(), g);

        var calibration = policy.PriorCalibration(PolicyFixtures.Windows(16));

        Assert.InRange(calibration.GreedyChunk, 0, 0.1);
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
    public void ScaleStage_OnLaplaceNoiseOfKnownScale_LearnsThatScale()
    {
        // targets = a learnable function of the state + Laplace noise of scale 0.05, below the old clip floor e^-2 = 0.135
        const double b0 = 0.05;
        var noise = new Random(3);
        var windows = PolicyFixtures.Windows(128).Select(w => w with
        {
            Actions = w.Actions.Select(a => (float)(a - b0 * Math.Sign(noise.NextDouble() - 0.5) * Math.Log(1 - 2 * Math.Abs(noise.NextDouble() - 0.5)))).ToArray(),
        }).ToList();
        using var policy = (RegressionPolicy)PolicyFactory.Create(PolicyFixtures.Config(PolicyKind.Regression) with { Dropout = 0 }, PolicyFixtures.Inputs(), new Generator(5));
        Train(policy, RegressionPolicy.ActionStage, 400, data: windows);
        Train(policy, RegressionPolicy.ScaleStage, 400, data: windows);

        var (scale, error, atFloor) = policy.ScaleCalibration(windows);

        // the NLL optimum of a Laplace scale is the mean absolute error of the head: b follows the data, not the clip
        Assert.InRange(atFloor, 0, 0.1);
        Assert.InRange(scale / error, 0.8, 1.25);
        Assert.InRange(scale, 0.5 * b0, 2 * b0);
    }

    [Fact]
    public void ActionStage_InstructionsOneWordApartOnTheSameStates_LearnsEachItsOwnActions()
    {
        // two tasks of one scene: identical states, instructions differing in one word, opposite actions
        const string front = "put the black bowl at the front on the plate", back = "put the black bowl at the back on the plate";
        var states = PolicyFixtures.Observations(32);
        var windows = states.SelectMany(o => new[]
        {
            new DemoWindow(o with { Instruction = front }, Enumerable.Repeat(0.5f, 4 * PolicyFixtures.ActionDim).ToArray(), 4),
            new DemoWindow(o with { Instruction = back }, Enumerable.Repeat(-0.5f, 4 * PolicyFixtures.ActionDim).ToArray(), 4),
        }).ToList();
        var inputs = PolicyFixtures.Inputs() with { Tokenizer = RiptOrleans.Learner.Encoders.WordTokenizer.Build([front, back]) };
        using var policy = PolicyFactory.Create(PolicyFixtures.Config(PolicyKind.Regression) with { Dropout = 0 }, inputs, new Generator(2));
        Train(policy, RegressionPolicy.ActionStage, 150, data: windows);

        using var g = new Generator(0);
        var probe = PolicyFixtures.Observations(4, seed: 9);
        Assert.All(policy.Act(probe.Select(o => o with { Instruction = front }).ToList(), ActMode.Greedy, g), d => Assert.All(d.Actions, a => Assert.InRange(a, 0.3f, 0.7f)));
        Assert.All(policy.Act(probe.Select(o => o with { Instruction = back }).ToList(), ActMode.Greedy, g), d => Assert.All(d.Actions, a => Assert.InRange(a, -0.7f, -0.3f)));
    }

    [Fact]
    public void Stage_Unknown_ThrowsListingTheStages()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var e = Assert.Throws<ArgumentException>(() => ((ISupervisedStages)policy).Stage = "nope");
        Assert.Contains("action, scale", e.Message);
    }
}
