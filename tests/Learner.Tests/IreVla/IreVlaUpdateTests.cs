using RiptOrleans.Learner.IreVla;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Learner.Tests.IreVla;

[Trait("Category", "Fast")]
public class IreVlaUpdateTests(ReachDemosFixture demos) : IClassFixture<ReachDemosFixture>
{
    private static bool Close(double x, double y) => Math.Abs(x - y) < 1e-9;

    [Fact]
    public void Gae_HandMadeTrajectory_GivesHandComputedAdvantagesAndReturns()
    {
        // γ 0.9, λ 0.8, V = [0.5, 0.2, 0.4], success at the end:
        // δ2 = 1 − 0.4 = 0.6                 A2 = 0.6                       R2 = 1.0
        // δ1 = 0.9·0.4 − 0.2 = 0.16          A1 = 0.16 + 0.72·0.6 = 0.592   R1 = 0.792
        // δ0 = 0.9·0.2 − 0.5 = −0.32         A0 = −0.32 + 0.72·0.592        R0 = A0 + 0.5
        var (a, r) = IreVlaUpdate.Gae(IreVlaUpdate.SparseRewards(3, success: true), [0.5, 0.2, 0.4], 0.9, 0.8);

        Assert.Equal([-0.32 + 0.72 * 0.592, 0.592, 0.6], a, Close);
        Assert.Equal([-0.32 + 0.72 * 0.592 + 0.5, 0.792, 1.0], r, Close);
    }

    [Fact]
    public void Gae_LambdaOne_ReturnsAreTheDiscountedSuccessWhateverTheValues()
    {
        var (_, r) = IreVlaUpdate.Gae(IreVlaUpdate.SparseRewards(4, success: true), [0.3, -1, 2, 0.1], 0.9, 1.0);

        Assert.Equal([0.729, 0.81, 0.9, 1.0], r, Close);
    }

    [Fact]
    public void SparseRewards_FailedRollout_AreAllZero() => Assert.All(IreVlaUpdate.SparseRewards(5, success: false), x => Assert.Equal(0, x));

    /// <summary>Rollouts of a fixture policy on made-up observations: every other one a success, three decisions each.</summary>
    private static List<IreVlaTrajectory> Rollouts(IPolicy policy, int count, int seed = 11)
    {
        using var g = new Generator((ulong)seed);
        var result = new List<IreVlaTrajectory>();
        for (var i = 0; i < count; i++)
        {
            var observations = PolicyFixtures.Observations(3, seed: seed + i);
            var decisions = policy.Act(observations, ActMode.Sample, g);
            var length = 3 * policy.ExecuteSteps;
            result.Add(new IreVlaTrajectory("t/reach", $"t/reach/{i}", observations.Zip(decisions, (o, d) => new ScoredDecision(o, d.Tokens, d.Sampled)).ToList(),
                decisions.Select(d => d.LogProb).ToArray(), decisions.SelectMany(d => d.Actions).ToArray(), length, Success: i % 2 == 0));
        }
        return result;
    }

    private static Dictionary<string, float[]> Snapshot(IPolicy policy) =>
        ((Module)policy).NamedParameters().ToDictionary(p => p.Name, p => p.Tensor.ToArray<float>());

    [Theory]
    [InlineData(PolicyKind.Regression)]
    [InlineData(PolicyKind.Tokenized)]
    public void ReinforceHead_AnyFamily_LeavesEveryBackboneParameterBitIdenticalAndMovesTheHead(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        var head = new HashSet<Tensor>(((IFrozenBackbone)policy).HeadParameters(), ReferenceEqualityComparer.Instance);
        var headNames = ((Module)policy).NamedParameters().Where(p => head.Contains(p.Tensor)).Select(p => p.Name).ToHashSet();
        var options = new IreVlaOptions { PpoEpochs = 2, PpoMinibatch = 4, HeadLr = 1e-2 };
        using var critic = IreVlaUpdate.CreateValueHead((IFrozenBackbone)policy, options, 1);
        using var optimizer = IreVlaUpdate.CreateRlOptimizer((IFrozenBackbone)policy, critic, options);
        var before = Snapshot(policy);

        var metrics = IreVlaUpdate.ReinforceHead(policy, critic, optimizer, Rollouts(policy, 4), options, new Random(1), new RiptMetricsLine());

        var after = Snapshot(policy);
        Assert.NotEmpty(headNames);
        foreach (var (name, values) in before)
        {
            if (headNames.Contains(name)) continue;
            Assert.True(values.AsSpan().SequenceEqual(after[name]), $"backbone parameter {name} changed during stage 1");
        }
        Assert.Contains(headNames, n => !before[n].AsSpan().SequenceEqual(after[n]));
        Assert.Equal(6, metrics.OptimizerSteps);
        Assert.True(metrics.OldLogProbGap < 1e-4, $"gap {metrics.OldLogProbGap}");
        Assert.All(((Module)policy).Parameters(), p => Assert.True(p.RequiresGrad, "a parameter stayed frozen after stage 1"));
    }

    [Theory]
    [InlineData(PolicyKind.Regression)]
    [InlineData(PolicyKind.Tokenized)]
    public void HeadLogProb_FromCachedHeadInputs_EqualsTheFullLogProb(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        var decisions = Rollouts(policy, 2).SelectMany(t => t.Decisions).ToList();
        var backbone = (IFrozenBackbone)policy;

        using var scope = TensorScope.Open();
        var cached = backbone.HeadLogProb(backbone.HeadInputs(decisions), decisions).ToArray<float>();
        var full = policy.LogProb(decisions).ToArray<float>();

        Assert.Equal(full, cached, (x, y) => Math.Abs(x - y) < 1e-4);
    }

    [Fact]
    public void AddSuccesses_MixedRollouts_KeepsExactlyTheSuccessfulOnes()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var rollouts = Rollouts(policy, 5);
        var online = new OnlineDataset();

        var added = online.AddSuccesses(rollouts);

        Assert.Equal(rollouts.Where(t => t.Success), added);
        Assert.Equal(rollouts.Where(t => t.Success), online.Trajectories);
    }

    [Fact]
    public void Windows_OneTrajectory_TakeTheNextExecutedActionsOfEveryDecision()
    {
        var config = PolicyFixtures.Config(PolicyKind.Regression); // chunk 4, execute 2, 4-D actions
        var observations = PolicyFixtures.Observations(3);
        var executed = Enumerable.Range(0, 5 * 4).Select(i => (float)i).ToArray(); // 5 steps: the last decision ran one step
        var t = new IreVlaTrajectory("t/reach", "t/reach/0", observations.Select(o => new ScoredDecision(o, null, null)).ToList(), [], executed, 5, true);

        var windows = OnlineDataset.Windows(t, config).ToList();

        Assert.Equal([4, 3, 1], windows.Select(w => w.Valid));
        Assert.Equal(executed[..16], windows[0].Actions);
        Assert.Equal(executed[8..20].Concat(new float[4]), windows[1].Actions);
        Assert.Equal(executed[16..20].Concat(new float[12]), windows[2].Actions);
        Assert.Same(observations[1], windows[1].Observation);
    }

    [Fact]
    public void SupervisedMix_DemosAndSuccesses_DrawsOnlyFromExpertDemosAndSuccessfulRollouts()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var rollouts = Rollouts(policy, 6);
        var online = new OnlineDataset();
        online.AddSuccesses(rollouts);
        var expert = DemoDataset.Load(demos.Directory, [TaskRegistry.Get("metaworld-mini/reach")], 3, []);
        var config = policy.Config;
        var mix = new SupervisedMix(expert, online.Windows(config), online.Steps);
        var successObservations = rollouts.Where(r => r.Success).SelectMany(r => r.Decisions).Select(d => d.Observation).ToHashSet(ReferenceEqualityComparer.Instance);
        var failureObservations = rollouts.Where(r => !r.Success).SelectMany(r => r.Decisions).Select(d => d.Observation).ToHashSet(ReferenceEqualityComparer.Instance);
        var file = expert.Files[0];
        var demoStates = file.Episodes.Take(3).SelectMany(e => Enumerable.Range(0, e.Steps).Select(t => string.Join(",", e.Observations.AsSpan(t * file.ObservationSize, file.ObservationSize).ToArray())))
            .ToHashSet();

        var sample = mix.Sample(400, new Random(3), config);

        var fromOnline = sample.Count(w => successObservations.Contains(w.Observation));
        Assert.DoesNotContain(sample, w => failureObservations.Contains(w.Observation));
        Assert.All(sample.Where(w => !successObservations.Contains(w.Observation)), w => Assert.Contains(string.Join(",", w.Observation.State), demoStates));
        Assert.InRange(fromOnline, 1, 399);
        Assert.Equal((double)online.Steps / (online.Steps + expert.Steps), mix.OnlineFraction, 12);
    }

    [Fact]
    public void SupervisedMix_WithoutDemoReplay_DrawsOnlyOnlineSuccesses()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var online = new OnlineDataset();
        online.AddSuccesses(Rollouts(policy, 4));
        var windows = online.Windows(policy.Config);

        var sample = new SupervisedMix(null, windows, online.Steps).Sample(50, new Random(1), policy.Config);

        Assert.All(sample, w => Assert.Contains(w, windows));
    }

    [Fact]
    public void SaveLoad_TwoIterations_ReloadsOnlyThoseBeforeTheResumeAndDeletesLaterFiles()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression, images: false);
        var dir = Directory.CreateTempSubdirectory("ire-vla-online-").FullName;
        try
        {
            var first = Rollouts(policy, 2, seed: 1).Select(t => t with { Success = true }).ToList();
            var second = Rollouts(policy, 1, seed: 7).Select(t => t with { Success = true }).ToList();
            OnlineDataset.Save(dir, 3, first);
            OnlineDataset.Save(dir, 5, second);

            var loaded = OnlineDataset.Load(dir, before: 5);

            Assert.Equal(2, loaded.Trajectories.Count);
            Assert.False(File.Exists(OnlineDataset.FileOf(dir, 5)));
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(first[i].ExecutedActions, loaded.Trajectories[i].ExecutedActions);
                Assert.Equal(first[i].Decisions.Select(d => d.Observation.State), loaded.Trajectories[i].Decisions.Select(d => d.Observation.State));
                Assert.Equal(first[i].Decisions[0].Observation.Instruction, loaded.Trajectories[i].Decisions[0].Observation.Instruction);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(PolicyKind.Regression)]
    [InlineData(PolicyKind.Tokenized)]
    public void Supervise_OnlineSuccesses_TrainsTheBackboneTooAndRestoresInferenceMode(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        var online = new OnlineDataset();
        online.AddSuccesses(Rollouts(policy, 4));
        var head = new HashSet<Tensor>(((IFrozenBackbone)policy).HeadParameters(), ReferenceEqualityComparer.Instance);
        var backbone = ((Module)policy).NamedParameters().Where(p => !head.Contains(p.Tensor) && p.Name.StartsWith("observation", StringComparison.Ordinal)).ToList();
        var before = backbone.Select(p => p.Tensor.ToArray<float>()).ToList();

        var metrics = IreVlaUpdate.Supervise(policy, new SupervisedMix(null, online.Windows(policy.Config), online.Steps),
            new IreVlaOptions { SlSteps = 3, SlBatchSize = 8 }, new Random(2), new RiptMetricsLine());

        Assert.Equal(3, metrics.OptimizerSteps);
        Assert.True(double.IsFinite(metrics.SupervisedLoss!.Value));
        Assert.Contains(backbone.Zip(before), x => !x.First.Tensor.ToArray<float>().AsSpan().SequenceEqual(x.Second));
        Assert.False(((Module)policy).IsTraining);
    }
}
