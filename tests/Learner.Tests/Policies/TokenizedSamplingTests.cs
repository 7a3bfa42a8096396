using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Policies;

/// <summary>The tokenized family's rollout distribution (temperature, top-k) is the distribution its log-probs score.</summary>
[Trait("Category", "Fast")]
public sealed class TokenizedSamplingTests
{
    private static TokenizedPolicy Create(double temperature, int topK)
    {
        using var g = new Generator(3);
        var config = PolicyFixtures.Config(PolicyKind.Tokenized) with { Temperature = temperature, TopK = topK };
        var p = (TokenizedPolicy)PolicyFactory.Create(config, PolicyFixtures.Inputs(), g);
        p.Train(false);
        return p;
    }

    private static float[] Score(IPolicy policy, IReadOnlyList<PolicyObservation> obs, IReadOnlyList<long[]> tokens)
    {
        using var scope = TensorScope.Open();
        return policy.LogProb(obs.Select((o, i) => new ScoredDecision(o, tokens[i], null)).ToList()).ToArray<float>();
    }

    [Theory]
    [InlineData(0.5, 3)]
    [InlineData(2.0, 0)]
    [InlineData(0.7, 16)]
    public void LogProb_WithTemperatureAndTopK_EqualsTheSumsActReported(double temperature, int topK)
    {
        using var policy = Create(temperature, topK);
        using var g = new Generator(21);
        var obs = PolicyFixtures.Observations(8);
        var decisions = policy.Act(obs, ActMode.Sample, g);

        var got = Score(policy, obs, decisions.Select(d => d.Tokens!).ToList());

        for (var i = 0; i < obs.Count; i++) Assert.Equal(decisions[i].LogProb, got[i], 3);
    }

    [Fact]
    public void Act_TopKOne_SamplesTheGreedyTokensWithLogProbZero()
    {
        using var policy = Create(1.0, 1);
        using var g = new Generator(22);
        var obs = PolicyFixtures.Observations(6);

        var sampled = policy.Act(obs, ActMode.Sample, g);
        var greedy = policy.Act(obs, ActMode.Greedy, g);

        for (var i = 0; i < obs.Count; i++)
        {
            Assert.Equal(greedy[i].Tokens, sampled[i].Tokens);
            Assert.Equal(0f, sampled[i].LogProb, 5);
        }
    }

    [Fact]
    public void Act_SampleWithTopKTwo_DrawsAtMostTwoDistinctFirstTokens()
    {
        using var policy = Create(5.0, 2);
        using var g = new Generator(23);
        var obs = Enumerable.Repeat(PolicyFixtures.Observations(1)[0], 200).ToList();

        var first = policy.Act(obs, ActMode.Sample, g).Select(d => d.Tokens![0]).Distinct().Count();

        Assert.Equal(2, first);
    }

    [Fact]
    public void LogProb_TokenOutsideTheTopK_IsFiniteAndNegligible()
    {
        using var policy = Create(1.0, 1);
        using var g = new Generator(24);
        var obs = PolicyFixtures.Observations(1);
        var greedy = policy.Act(obs, ActMode.Greedy, g)[0].Tokens!;
        var other = (long[])greedy.Clone();
        other[0] = (greedy[0] + 1) % policy.Vocabulary;

        var got = Score(policy, obs, [other])[0];

        Assert.True(float.IsFinite(got));
        Assert.True(got < -1000, $"log-prob {got}");
    }

    [Fact]
    public void LogProb_LowerTemperature_RaisesTheGreedyTokensLogProb()
    {
        using var warm = Create(1.0, 0);
        using var cold = Create(0.5, 0);
        using var g = new Generator(25);
        var obs = PolicyFixtures.Observations(6);
        var greedy = warm.Act(obs, ActMode.Greedy, g).Select(d => d.Tokens!).ToList();

        var atOne = Score(warm, obs, greedy);
        var atHalf = Score(cold, obs, greedy);

        for (var i = 0; i < obs.Count; i++) Assert.True(atHalf[i] > atOne[i], $"decision {i}: {atHalf[i]} at T 0.5 vs {atOne[i]} at T 1");
    }
}
