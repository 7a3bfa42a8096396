using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Episodes;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Learner.Tests.Episodes;

/// <summary>The one lock-step loop of rollouts and evaluation: outcomes per episode, recorded decisions, env failures as reasons.</summary>
[Trait("Category", "Fast")]
public sealed class EpisodeRunnerTests : IDisposable
{
    private readonly TaskModel _task = TaskModel.Compile(TaskRegistry.Get("metaworld-mini/reach"));
    private readonly IPolicy _policy;
    private readonly List<ManipulationEnv> _envs = [];

    public EpisodeRunnerTests()
    {
        var config = PolicyFixtures.Config(PolicyKind.Regression) with { StateDim = _task.Observation.Size };
        _policy = PolicyFactory.Create(config, InputStatistics.Identity(WordTokenizer.Build([_task.Spec.Instruction]), config.StateDim), new Generator(4));
        _policy.Train(false);
    }

    public void Dispose()
    {
        foreach (var e in _envs) e.Dispose();
        _policy.Dispose();
        _task.Dispose();
    }

    private Episode Episode(int init, Action<ManipulationEnv>? beforeStep = null)
    {
        var env = new ManipulationEnv(_task);
        _envs.Add(env);
        return new Episode(env, ContextSet.Create(_task, ContextSplit.Eval, init + 1)[init], _task.Spec.Instruction) { BeforeStep = beforeStep };
    }

    private static Renderer NoRenderer(RiptOrleans.Physics.Mujoco.MjModel model, int size) => throw new InvalidOperationException("a state policy renders nothing");

    [Fact]
    public void Run_EnvThrowsInOneEpisode_FailsItWithAnErrorReasonAndFinishesTheOthers()
    {
        var episodes = new[] { Episode(0), Episode(1, env => { if (env.StepCount == 3) throw new InvalidOperationException("sensor fault"); }), Episode(2) };
        using var generator = new Generator(1);

        var result = EpisodeRunner.Run(_policy, episodes, ActMode.Greedy, generator, NoRenderer, record: false);

        Assert.Equal("error: sensor fault", result.Episodes[1].FailureReason);
        Assert.Equal(3, result.Episodes[1].Steps);
        Assert.All(new[] { result.Episodes[0], result.Episodes[2] }, o => Assert.True(o.Success || o.FailureReason is not null && !o.FailureReason.StartsWith("error")));
        Assert.All(new[] { result.Episodes[0], result.Episodes[2] }, o => Assert.True(o.Steps > 3));
    }

    [Fact]
    public void Run_Recording_KeepsOneDecisionPerReplanWithItsObservation()
    {
        var episodes = new[] { Episode(0), Episode(1) };
        using var generator = new Generator(1);

        var result = EpisodeRunner.Run(_policy, episodes, ActMode.Sample, generator, NoRenderer, record: true);

        Assert.All(result.Episodes, o => Assert.Equal((o.Steps + _policy.ExecuteSteps - 1) / _policy.ExecuteSteps, o.Decisions.Count));
        Assert.All(result.Episodes, o => Assert.Equal(_task.Observation.Size, o.Decisions[0].Observation.State.Length));
        Assert.True(result.SimSteps > 0);
    }

    [Fact]
    public void Run_SameSeed_ReplaysTheSameEpisodes()
    {
        using var g1 = new Generator(9);
        using var g2 = new Generator(9);

        var a = EpisodeRunner.Run(_policy, [Episode(3), Episode(4)], ActMode.Sample, g1, NoRenderer, record: true);
        var b = EpisodeRunner.Run(_policy, [Episode(3), Episode(4)], ActMode.Sample, g2, NoRenderer, record: true);

        Assert.Equal(a.Episodes.Select(o => o.Steps), b.Episodes.Select(o => o.Steps));
        Assert.Equal(a.Episodes.SelectMany(o => o.Decisions.Select(d => d.Decision.LogProb)), b.Episodes.SelectMany(o => o.Decisions.Select(d => d.Decision.LogProb)));
    }
}
