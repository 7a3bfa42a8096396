using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Policies;

/// <summary>The IPolicy contract for both families: log-probs, determinism, weights round trip, RL parameters.</summary>
[Trait("Category", "Fast")]
public sealed class PolicyContractTests
{
    public static TheoryData<PolicyKind, bool> Families => new()
    {
        { PolicyKind.Tokenized, false }, { PolicyKind.Regression, false }, { PolicyKind.Tokenized, true }, { PolicyKind.Regression, true },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void LogProb_OfSampledDecisions_EqualsTheSumsActReported(PolicyKind kind, bool images)
    {
        using var policy = PolicyFixtures.Create(kind, images);
        using var g = new Generator(11);
        var obs = PolicyFixtures.Observations(6, images);
        var decisions = policy.Act(obs, ActMode.Sample, g);

        using var scope = TensorScope.Open();
        var scored = policy.LogProb(obs.Select((o, i) => new ScoredDecision(o, decisions[i].Tokens, decisions[i].Sampled)).ToList());

        Assert.Equal([6L], scored.Shape);
        var got = scored.ToArray<float>();
        for (var i = 0; i < 6; i++)
        {
            Assert.True(float.IsFinite(decisions[i].LogProb));
            Assert.Equal(decisions[i].LogProb, got[i], 3);
        }
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void LogProb_NamedFieldsAndNormalisedActions_EqualsTheSumsActReported(PolicyKind kind)
    {
        using var policy = PolicyFixtures.CreateNamed(kind);
        using var g = new Generator(12);
        var obs = PolicyFixtures.NamedObservations(5);
        var decisions = policy.Act(obs, ActMode.Sample, g);

        using var scope = TensorScope.Open();
        var got = policy.LogProb(obs.Select((o, i) => new ScoredDecision(o, decisions[i].Tokens, decisions[i].Sampled)).ToList()).ToArray<float>();

        for (var i = 0; i < obs.Count; i++) Assert.Equal(decisions[i].LogProb, got[i], 2);
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void Act_ProprioOnlyPolicy_IgnoresObjectPoses(PolicyKind kind)
    {
        using var proprio = PolicyFixtures.CreateNamed(kind, proprioOnly: true);
        using var full = PolicyFixtures.CreateNamed(kind);
        var obs = PolicyFixtures.NamedObservations(1);
        var moved = obs.Select(o => o with { State = o.State.Select((v, i) => i >= 4 ? v + 0.5f : v).ToArray() }).ToList();
        using var g = new Generator(0);
        float Score(IPolicy p, List<PolicyObservation> at)
        {
            using var g1 = new Generator(1);
            var d = p.Act(obs, ActMode.Sample, g1)[0];
            using var scope = TensorScope.Open();
            return p.LogProb([new ScoredDecision(at[0], d.Tokens, d.Sampled)]).ToArray<float>()[0];
        }

        Assert.Equal(Score(proprio, obs), Score(proprio, moved));
        Assert.NotEqual(Score(full, obs), Score(full, moved));
    }

    [Fact]
    public void Act_RegressionSample_SpreadsEachEntryByItsActionStd()
    {
        using var policy = PolicyFixtures.CreateNamed(PolicyKind.Regression);
        var obs = Enumerable.Repeat(PolicyFixtures.NamedObservations(1)[0], 200).ToList();
        using var g = new Generator(4);
        var mean = policy.Act(obs.Take(1).ToList(), ActMode.Greedy, g)[0].Sampled!;
        var spread = new double[4];
        foreach (var d in policy.Act(obs, ActMode.Sample, g))
            for (var e = 0; e < mean.Length; e++) spread[e % 4] += Math.Abs(d.Sampled![e] - mean[e]);

        // a fresh scale head gives one b for every entry in normalised units; raw noise follows std [0.5, 0.05, 1, 0.2]
        Assert.True(spread[2] > spread[0] && spread[0] > spread[3] && spread[3] > spread[1], string.Join(", ", spread));
        Assert.InRange(spread[0] / spread[1], 5, 20);
    }

    [Fact]
    public void LogProb_RegressionAtTemperature_IsTheDensityOfTheWiderLaplaceItSampled()
    {
        var obs = Enumerable.Repeat(PolicyFixtures.Observations(1)[0], 400).ToList();
        using var g = new Generator(8);
        using var cold = PolicyFactory.Create(PolicyFixtures.Config(PolicyKind.Regression), PolicyFixtures.Inputs(), g);
        using var hot = PolicyFactory.Create(PolicyFixtures.Config(PolicyKind.Regression) with { Temperature = 3.0 }, PolicyFixtures.Inputs(), g);
        hot.ImportWeights(cold.ExportWeights(1));
        cold.Train(false);
        hot.Train(false);
        var mean = cold.Act(obs.Take(1).ToList(), ActMode.Greedy, g)[0].Sampled!;
        double Spread(IReadOnlyList<PolicyDecision> ds) => ds.Average(d => d.Sampled!.Select((v, e) => Math.Abs(v - mean[e])).Average());
        var coldDecisions = cold.Act(obs, ActMode.Sample, new Generator(9));
        var hotDecisions = hot.Act(obs, ActMode.Sample, new Generator(9));

        using var scope = TensorScope.Open();
        var rescored = hot.LogProb(obs.Take(5).Select((o, i) => new ScoredDecision(o, null, hotDecisions[i].Sampled)).ToList()).ToArray<float>();
        for (var i = 0; i < 5; i++) Assert.Equal(hotDecisions[i].LogProb, rescored[i], 2);
        // the same noise three times wider, and a density spread three times wider: the log-prob of each draw
        // falls by the chunk's entries × log 3
        Assert.InRange(Spread(hotDecisions) / Spread(coldDecisions), 2.9, 3.1);
        var entries = mean.Length;
        Assert.Equal(coldDecisions[0].LogProb - entries * Math.Log(3), hotDecisions[0].LogProb, 1);
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void PerTokenOrStepLogProbs_SumToLogProb(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        using var g = new Generator(9);
        var obs = PolicyFixtures.Observations(3);
        var d = policy.Act(obs, ActMode.Sample, g);
        var scored = obs.Select((o, i) => new ScoredDecision(o, d[i].Tokens, d[i].Sampled)).ToList();
        using var scope = TensorScope.Open();
        var parts = policy is TokenizedPolicy t ? t.TokenLogProbs(scored) : ((RegressionPolicy)policy).StepLogProbs(scored);
        Assert.Equal([3L, policy is TokenizedPolicy ? 2L : 4L], parts.Shape);
        var sums = parts.Sum(1).ToArray<float>();
        var whole = policy.LogProb(scored).ToArray<float>();
        for (var i = 0; i < 3; i++) Assert.Equal(whole[i], sums[i], 4);
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void LogProb_IsDifferentiableInTheRlParameters(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        using var g = new Generator(2);
        var obs = PolicyFixtures.Observations(3);
        var d = policy.Act(obs, ActMode.Sample, g);
        using var scope = TensorScope.Open();
        policy.LogProb(obs.Select((o, i) => new ScoredDecision(o, d[i].Tokens, d[i].Sampled)).ToList()).Sum().Backward();
        Assert.All(policy.RlParameters(), p => Assert.NotNull(p.Grad));
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void Act_SampleWithTheSameSeed_IsDeterministic(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        var obs = PolicyFixtures.Observations(5);
        using var g1 = new Generator(42);
        using var g2 = new Generator(42);
        var a = policy.Act(obs, ActMode.Sample, g1);
        var b = policy.Act(obs, ActMode.Sample, g2);
        for (var i = 0; i < obs.Count; i++)
        {
            Assert.Equal(a[i].Actions, b[i].Actions);
            Assert.Equal(a[i].LogProb, b[i].LogProb);
            Assert.Equal(a[i].Tokens, b[i].Tokens);
        }
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void Act_ReturnsExecuteStepsActionsInRange(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        using var g = new Generator(1);
        var d = policy.Act(PolicyFixtures.Observations(3), ActMode.Greedy, g);
        Assert.All(d, x =>
        {
            Assert.Equal(policy.ExecuteSteps * policy.ActionDim, x.Actions.Length);
            Assert.All(x.Actions, v => Assert.InRange(v, -1f, 1f));
            if (kind == PolicyKind.Tokenized) Assert.Equal(2, x.Tokens!.Length);
            else Assert.Equal(4 * policy.ActionDim, x.Sampled!.Length);
        });
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void ImportWeights_OfExportedWeights_GivesIdenticalActionsAndVersion(PolicyKind kind)
    {
        using var a = PolicyFixtures.Create(kind, seed: 1);
        using var b = PolicyFixtures.Create(kind, seed: 2);
        var obs = PolicyFixtures.Observations(4);
        using var g = new Generator(0);
        Assert.NotEqual(a.Act(obs, ActMode.Greedy, g)[0].Actions, b.Act(obs, ActMode.Greedy, g)[0].Actions);

        var version = b.ImportWeights(a.ExportWeights(17));

        Assert.Equal(17, version);
        var x = a.Act(obs, ActMode.Greedy, g);
        var y = b.Act(obs, ActMode.Greedy, g);
        for (var i = 0; i < obs.Count; i++) Assert.Equal(x[i].Actions, y[i].Actions);
    }

    [Fact]
    public void ImportWeights_OfTheOtherFamily_IsRefusedNamingTheFamilies()
    {
        using var tok = PolicyFixtures.Create(PolicyKind.Tokenized);
        using var reg = PolicyFixtures.Create(PolicyKind.Regression);
        var e = Assert.Throws<InvalidDataException>(() => reg.ImportWeights(tok.ExportWeights(0)));
        Assert.Contains("Tokenized", e.Message);
        Assert.Contains("Regression", e.Message);
    }

    [Fact]
    public void RlParameters_Tokenized_AreThePriorOnly()
    {
        using var policy = (TokenizedPolicy)PolicyFixtures.Create(PolicyKind.Tokenized);
        var rl = policy.RlParameters().ToHashSet();
        Assert.DoesNotContain(policy.Autoencoder.Parameters().First(), rl);
        Assert.DoesNotContain(policy.Observation.Parameters().First(), rl);
        Assert.Contains(policy.Head.Weight, rl);
    }

    [Fact]
    public void RlParameters_Regression_ExcludeTheScaleHead()
    {
        using var policy = (RegressionPolicy)PolicyFixtures.Create(PolicyKind.Regression);
        var rl = policy.RlParameters().ToHashSet();
        Assert.All(policy.ScaleHead.Parameters(), p => Assert.DoesNotContain(p, rl));
        Assert.Contains(policy.ActionHead.Weight, rl);
    }

    [Fact]
    public void Act_StateLongerThanStateDim_IsRefusedNamingStateDim()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        using var g = new Generator(0);
        var e = Assert.Throws<ArgumentException>(() => policy.Act([new PolicyObservation(new float[20], null, "reach")], ActMode.Greedy, g));
        Assert.Contains("StateDim", e.Message);
    }
}
