using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Ript;

[Trait("Category", "Fast")]
public class RiptUpdateTests
{
    [Fact]
    public void LeaveOneOutAdvantages_1001_GivesPlusMinusTwoThirds()
    {
        var a = RiptUpdate.LeaveOneOutAdvantages([1, 0, 0, 1]);

        Assert.Equal([2.0 / 3, -2.0 / 3, -2.0 / 3, 2.0 / 3], a, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1, 1, 1 }, true)]
    [InlineData(new[] { 0.0, 0, 0, 0 }, true)]
    [InlineData(new[] { 0.0, 0, 1, 0 }, false)]
    public void AllEqual_Rewards_TrueOnlyWhenEveryAdvantageIsZero(double[] rewards, bool expected)
    {
        Assert.Equal(expected, RiptUpdate.AllEqual(rewards));
        Assert.Equal(expected, RiptUpdate.LeaveOneOutAdvantages(rewards).All(a => a == 0));
    }

    /// <summary>K Bernoulli(p) rewards per group from a seeded stream: a hand-made collection phase.</summary>
    private static double[] Group(Random rng, int k, double p) => Enumerable.Range(0, k).Select(_ => rng.NextDouble() < p ? 1.0 : 0.0).ToArray();

    private static readonly RiptOptions RareSuccess = new() { K = 8, BatchSize = 32 };

    [Fact]
    public void RolloutsToRuleOut_HalfPercentAt95_Is598()
    {
        // (1 − 0.005)^598 = 0.0499 ≤ 0.05 < (1 − 0.005)^597.
        Assert.Equal(598, RiptUpdate.Acceptance.RolloutsToRuleOut(0.005, 0.95));
    }

    [Fact]
    public void Acceptance_SuccessAtOnePercent_FillsTheBatchWithinTheBudget()
    {
        // K = 8 at p = 1 %: one group in 13 is mixed; 4 mixed groups take ~52 groups (~420 rollouts) of the 2,048 budget.
        for (var seed = 0; seed < 20; seed++)
        {
            var rng = new Random(seed);
            var acceptance = new RiptUpdate.Acceptance(RareSuccess);
            while (!acceptance.Done)
                acceptance.Accept(Group(rng, 8, 0.01));

            Assert.Equal(4, acceptance.Accepted);
            Assert.False(acceptance.BudgetSpent, $"seed {seed}: budget spent after {acceptance.Rollouts} rollouts");
            Assert.True(acceptance.RejectedAllFail > acceptance.Accepted, $"seed {seed}: {acceptance.RejectedAllFail} all-fail groups");
        }
    }

    [Fact]
    public void Acceptance_NoSuccess_StopsWithinTheBudgetSayingSuccessIsAbsent()
    {
        var acceptance = new RiptUpdate.Acceptance(RareSuccess);
        var groups = 0;

        var e = Assert.Throws<RiptRejectionException>((Action)(() =>
        {
            while (true)
            {
                groups++;
                acceptance.Accept(Group(new Random(groups), 8, 0.0));
            }
        }));

        // 598 rollouts rule out p ≥ 0.5 %: the 75th group of 8 (600 rollouts), well inside the budget of 64 x 32.
        Assert.Equal(75, groups);
        Assert.Equal(75, e.AllFail);
        Assert.StartsWith("75 groups tried (0 mixed, 0 all-success, 75 all-fail): no success in 600 rollouts: the success probability is below 0.5%", e.Message);
    }

    [Fact]
    public void Acceptance_EveryRolloutSucceeds_StopsSayingThePolicySolvesTheContexts()
    {
        var acceptance = new RiptUpdate.Acceptance(RareSuccess);

        var e = Assert.Throws<RiptRejectionException>((Action)(() =>
        {
            while (true) acceptance.Accept(Group(new Random(0), 8, 1.0));
        }));

        Assert.Equal(75, e.AllSuccess);
        Assert.EndsWith("the policy already solves these contexts", e.Message);
    }

    [Fact]
    public void Acceptance_EveryGroupUniformButBothKinds_StopsAtTheBudgetNamingTheSplit()
    {
        // Half the contexts always succeed, half never: p = 50 % yet no group is mixed; the budget ends the search.
        var acceptance = new RiptUpdate.Acceptance(new RiptOptions { K = 4, BatchSize = 8, RolloutBudget = 4 });
        var groups = 0;

        var e = Assert.Throws<RiptRejectionException>((Action)(() =>
        {
            while (true) acceptance.Accept(groups++ % 2 == 0 ? [1, 1, 1, 1] : [0, 0, 0, 0]);
        }));

        Assert.Equal(8, groups);
        Assert.Equal((4, 4), (e.AllSuccess, e.AllFail));
        Assert.Contains("every group is uniform", e.Message);
    }

    [Fact]
    public void Acceptance_BudgetSpentWithSomeGroupsAccepted_IsDoneWithAPartialBatch()
    {
        var acceptance = new RiptUpdate.Acceptance(new RiptOptions { K = 4, BatchSize = 8, RolloutBudget = 2 });

        acceptance.Accept([0, 0, 0, 0]);
        acceptance.Accept([1, 0, 0, 0]);
        acceptance.Accept([0, 0, 0, 0]);
        Assert.False(acceptance.Done);
        acceptance.Accept([0, 0, 0, 0]);

        Assert.True(acceptance.Done);
        Assert.True(acceptance.BudgetSpent);
        Assert.Equal(1, acceptance.Accepted);
    }

    [Fact]
    public void Acceptance_DynamicRejectionOff_AcceptsAllEqualGroups()
    {
        var acceptance = new RiptUpdate.Acceptance(new RiptOptions { K = 2, BatchSize = 6, DynamicRejection = false });

        Assert.True(acceptance.Accept([1, 1]));
        Assert.True(acceptance.Accept([0, 0]));
    }

    private static RiptOptions OneStep(RatioMode mode) => new()
    {
        K = 2, BatchSize = 2, Epochs = 1, MinibatchSize = 2, ClipEpsilon = 0.2, LearningRate = 1e-3, MaxGradNorm = 1e9,
        Ratio = mode, OldLogProbs = OldLogProbSource.Sampling, TargetKl = 0,
    };

    [Fact]
    public void Update_HandComputedCase_GivesLossClipFractionAndKl()
    {
        // new log-probs 0; old −0.5 and 0.3 → r = e^0.5, e^−0.3; A = +1, −1; ε = 0.2:
        // max(−1.6487, −1.2) = −1.2 and max(0.7408, 0.8) = 0.8 → loss −0.2; both ratios clipped;
        // approx KL = mean((r − 1) − log r) = ((0.64872 − 0.5) + (−0.25918 + 0.3)) / 2 = 0.09477.
        using var policy = new FreeLogProbPolicy([0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-3);
        RiptSample[] batch =
        [
            new("c/0", [FreeLogProbPolicy.Decision(0)], [-0.5f], 1.0, true),
            new("c/0", [FreeLogProbPolicy.Decision(1)], [0.3f], -1.0, false),
        ];

        var m = RiptUpdate.Update(policy, optimizer, batch, OneStep(RatioMode.Trajectory), new Random(0));

        Assert.Equal(-0.2, m.PolicyLoss, 5);
        Assert.Equal(1.0, m.ClipFraction, 5);
        Assert.Equal(0.09477, m.ApproxKl, 4);
        Assert.Equal(Math.Exp(0.5), m.RatioMax, 4);
        Assert.Equal(1, m.OptimizerSteps);
    }

    [Fact]
    public void Update_KlPastTheTarget_StopsBeforeTheStep()
    {
        // The hand-computed case's KL per decision is 0.0948 > 1.5 × 0.05: no step is taken and θ stays where it was.
        using var policy = new FreeLogProbPolicy([0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-3);
        RiptSample[] batch =
        [
            new("c/0", [FreeLogProbPolicy.Decision(0)], [-0.5f], 1.0, true),
            new("c/0", [FreeLogProbPolicy.Decision(1)], [0.3f], -1.0, false),
        ];

        var m = RiptUpdate.Update(policy, optimizer, batch, OneStep(RatioMode.Trajectory) with { TargetKl = 0.05 }, new Random(0));

        Assert.Equal(0, m.OptimizerSteps);
        Assert.Equal([0f, 0f], policy.Theta);
        Assert.Equal(0.09477, m.ApproxKl, 4);
    }

    [Fact]
    public void Update_KlTarget_EndsTheIterationOnceThePolicyHasMovedThatFar()
    {
        // Recomputed old log-probs start at r = 1; a large rate moves the policy past 1.5 × 0.01 within a few of the 200 epochs.
        RiptSample[] Batch() =>
        [
            new("c/0", [FreeLogProbPolicy.Decision(0)], [0f], 0.5, true),
            new("c/0", [FreeLogProbPolicy.Decision(1)], [0f], -0.5, false),
        ];
        var options = OneStep(RatioMode.PerDecision) with { Epochs = 200, OldLogProbs = OldLogProbSource.Recompute, ClipEpsilon = 0.9 };
        using var policy = new FreeLogProbPolicy([0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-2, weightDecay: 0);
        using var unbounded = new FreeLogProbPolicy([0f, 0f]);
        using var unboundedOptimizer = new Optim.AdamW(unbounded.RlParameters(), lr: 1e-2, weightDecay: 0);

        var m = RiptUpdate.Update(policy, optimizer, Batch(), options with { TargetKl = 0.01 }, new Random(0));
        var all = RiptUpdate.Update(unbounded, unboundedOptimizer, Batch(), options, new Random(0));

        Assert.InRange(m.OptimizerSteps, 1, 199);
        Assert.Equal(200, all.OptimizerSteps);
        Assert.True(m.ApproxKl > 0.015, $"KL at the stop {m.ApproxKl}");
        Assert.True(all.ApproxKl > 10 * m.ApproxKl, $"KL without the stop {all.ApproxKl}, with {m.ApproxKl}");
    }

    private static RiptSample[] TwoDecisionBatch() =>
    [
        new("c/0", [FreeLogProbPolicy.Decision(0)], [0f], 0.5, true),
        new("c/0", [FreeLogProbPolicy.Decision(1)], [0f], -0.5, false),
    ];

    [Theory]
    [InlineData(true, 0.5 / 1.5)]
    [InlineData(false, 0.5)]
    public void Update_AdaptiveLr_AStepPastTwiceTheTargetShrinksTheRate(bool adaptive, double rateAfter)
    {
        // One Adam step of 0.5 moves each log-prob by ~0.5: KL per decision ~0.12 > 2 × 0.02, so the rate is cut by 1.5
        // and the iteration stops there.
        var options = OneStep(RatioMode.PerDecision) with { Epochs = 4, LearningRate = 0.5, OldLogProbs = OldLogProbSource.Recompute, TargetKl = 0.02, AdaptiveLr = adaptive };
        using var policy = new FreeLogProbPolicy([0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 0.5, weightDecay: 0);

        var m = RiptUpdate.Update(policy, optimizer, TwoDecisionBatch(), options, new Random(0));

        Assert.Equal(1, m.OptimizerSteps);
        Assert.Equal(rateAfter, optimizer.GetLr(), 9);
        Assert.Equal(rateAfter, m.LearningRate, 9);
    }

    [Fact]
    public void Update_AdaptiveLr_TimidStepsGrowTheRateUpToTenTimesTheConfigured()
    {
        // Steps of ~1e-3 leave the KL far under 0.02 / 2: every measured step multiplies the rate by 1.5, up to 10 × 1e-3.
        var options = OneStep(RatioMode.PerDecision) with { Epochs = 3, LearningRate = 1e-3, OldLogProbs = OldLogProbSource.Recompute, TargetKl = 0.02 };
        using var policy = new FreeLogProbPolicy([0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-3, weightDecay: 0);

        RiptUpdate.Update(policy, optimizer, TwoDecisionBatch(), options, new Random(0));
        Assert.Equal(1e-3 * 1.5 * 1.5, optimizer.GetLr(), 9);

        RiptUpdate.Update(policy, optimizer, TwoDecisionBatch(), options with { Epochs = 20 }, new Random(0));
        Assert.Equal(1e-2, optimizer.GetLr(), 9);
    }

    [Fact]
    public void Update_TrajectoryRatio_SumsTheDecisionsLogRatios()
    {
        // Two decisions with old −0.2 and −0.3 make one trajectory log-ratio of 0.5: the same r = e^0.5 as above, clipped to 1.2.
        using var policy = new FreeLogProbPolicy([0f, 0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-3);
        RiptSample[] batch =
        [
            new("c/0", [FreeLogProbPolicy.Decision(0), FreeLogProbPolicy.Decision(1)], [-0.2f, -0.3f], 1.0, true),
            new("c/0", [FreeLogProbPolicy.Decision(2)], [0f], -1.0, false),
        ];

        var m = RiptUpdate.Update(policy, optimizer, batch, OneStep(RatioMode.Trajectory), new Random(0));

        // (−1.2 + max(1, 1)) / 2 = −0.1; one of two ratios is outside [0.8, 1.2].
        Assert.Equal(-0.1, m.PolicyLoss, 5);
        Assert.Equal(0.5, m.ClipFraction, 5);
    }

    [Fact]
    public void Update_PerDecisionRatio_AveragesOverDecisions()
    {
        using var policy = new FreeLogProbPolicy([0f, 0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-3);
        RiptSample[] batch =
        [
            new("c/0", [FreeLogProbPolicy.Decision(0), FreeLogProbPolicy.Decision(1)], [-0.2f, -0.3f], 1.0, true),
            new("c/0", [FreeLogProbPolicy.Decision(2)], [0f], -1.0, false),
        ];

        var m = RiptUpdate.Update(policy, optimizer, batch, OneStep(RatioMode.PerDecision), new Random(0));

        // Per decision: max(−e^0.2, −1.2) = −1.2, max(−e^0.3, −1.2) = −1.2, and 1 for the third: (−1.2 − 1.2 + 1) / 3.
        Assert.Equal((-1.2 - 1.2 + 1) / 3, m.PolicyLoss, 5);
        Assert.Equal(3, m.Decisions);
    }

    [Fact]
    public void Update_PerTokenRatio_AveragesOverTokensAndMovesEachTokenWithItsTrajectory()
    {
        // Recomputed old log-probs make every ratio 1 at the first minibatch: loss = −mean over tokens of A;
        // trajectory 1 (one decision, 2 tokens) has A = +1, trajectory 2 (one decision, 2 tokens) A = −0.5 → −(2 − 1) / 4.
        using var policy = new TwoPartLogProbPolicy(2);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-2, weightDecay: 0);
        RiptSample[] batch =
        [
            new("c/0", [FreeLogProbPolicy.Decision(0)], [0f], 1.0, true),
            new("c/0", [FreeLogProbPolicy.Decision(1)], [0f], -0.5, false),
        ];

        var m = RiptUpdate.Update(policy, optimizer, batch, OneStep(RatioMode.PerToken) with { OldLogProbs = OldLogProbSource.Recompute }, new Random(0));

        Assert.Equal(-0.25, m.PolicyLoss, 5);
        Assert.Equal(0, m.OldLogProbGap, 6);
        Assert.All(policy.Theta[..2], t => Assert.True(t > 0, $"θ = [{string.Join(", ", policy.Theta)}]"));
        Assert.All(policy.Theta[2..], t => Assert.True(t < 0, $"θ = [{string.Join(", ", policy.Theta)}]"));
    }

    [Fact]
    public void Validate_PerTokenRatioWithSampledOldLogProbs_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => (OneStep(RatioMode.PerToken) with { OldLogProbs = OldLogProbSource.Sampling }).Validate());

        Assert.Contains("train.ratio per_token needs train.old_log_probs recompute", e.Message);
    }

    [Fact]
    public void Update_PositiveAdvantage_RaisesThatDecisionsLogProb()
    {
        using var policy = new FreeLogProbPolicy([0f, 0f]);
        using var optimizer = new Optim.AdamW(policy.RlParameters(), lr: 1e-2, weightDecay: 0);
        RiptSample[] batch =
        [
            new("c/0", [FreeLogProbPolicy.Decision(0)], [0f], 0.5, true),
            new("c/0", [FreeLogProbPolicy.Decision(1)], [0f], -0.5, false),
        ];

        RiptUpdate.Update(policy, optimizer, batch, OneStep(RatioMode.Trajectory) with { Epochs = 3, OldLogProbs = OldLogProbSource.Recompute }, new Random(0));

        Assert.True(policy.Theta[0] > 0, $"θ0 = {policy.Theta[0]}");
        Assert.True(policy.Theta[1] < 0, $"θ1 = {policy.Theta[1]}");
    }

    [Fact]
    public void Validate_BatchNotAMultipleOfK_NamesTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => new RiptOptions { K = 4, BatchSize = 10 }.Validate());

        Assert.Contains("train.batch_size", e.Message);
    }

    [Fact]
    public void CreateOptimizer_GroupRates_EachGroupLearnsAtItsOwnRate()
    {
        using var policy = PolicyFixtures.Create(RiptOrleans.Learner.Policies.PolicyKind.Regression);
        var options = new RiptOptions { LearningRate = 1e-4, GroupLearningRates = new Dictionary<string, double> { ["head"] = 1e-5 } };

        using var optimizer = RiptUpdate.CreateOptimizer(policy, options);

        Assert.Equal(["encoder", "trunk", "head"], policy.RlParameterGroups().Select(g => g.Name));
        Assert.Equal(3, optimizer.GroupCount);
        Assert.Equal(1e-4, optimizer.GetLr(0), 12);
        Assert.Equal(1e-4, optimizer.GetLr(1), 12);
        Assert.Equal(1e-5, optimizer.GetLr(2), 12);
    }

    [Fact]
    public void CreateOptimizer_UnknownGroup_NamesThePolicysGroups()
    {
        using var policy = PolicyFixtures.Create(RiptOrleans.Learner.Policies.PolicyKind.Tokenized);
        var options = new RiptOptions { GroupLearningRates = new Dictionary<string, double> { ["lora"] = 1e-4 } };

        var e = Assert.Throws<ArgumentException>(() => RiptUpdate.CreateOptimizer(policy, options));

        Assert.Contains("[lora]", e.Message);
        Assert.Contains("embeddings, blocks, head", e.Message);
    }
}
