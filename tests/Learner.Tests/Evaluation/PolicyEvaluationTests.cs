using RiptOrleans.Learner.Evaluation;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Learner.Tests.Evaluation;

/// <summary>Evaluation of an (untrained) policy: scores per task, thread count does not change greedy results, filmstrips.</summary>
[Trait("Category", "Fast")]
public sealed class PolicyEvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IPolicy Untrained()
    {
        var spec = TaskRegistry.Get("metaworld-mini/reach");
        using var task = TaskModel.Compile(spec);
        var config = PolicyFixtures.Config(PolicyKind.Regression) with { StateDim = task.Observation.Size };
        var inputs = RiptOrleans.Learner.Encoders.InputStatistics.Identity(RiptOrleans.Learner.Encoders.WordTokenizer.Build([spec.Instruction]), config.StateDim);
        var p = PolicyFactory.Create(config, inputs, new RiptOrleans.Learner.Torch.Generator(4));
        p.Train(false);
        return p;
    }

    [Fact]
    public void Run_GreedyWithTwoThreads_MatchesOneThread()
    {
        using var policy = Untrained();
        var tasks = new[] { TaskRegistry.Get("metaworld-mini/reach") };
        var one = PolicyEvaluation.Run(policy, tasks, new EvaluationOptions(4, 1));
        var two = PolicyEvaluation.Run(policy, tasks, new EvaluationOptions(4, 2));
        Assert.Equal(4, one[0].Episodes);
        Assert.Equal(one[0].Successes, two[0].Successes);
        Assert.Equal(one[0].MeanSteps, two[0].MeanSteps);
    }

    [Fact]
    public void Run_WithVideo_WritesOnePngStripPerFilmedEpisode()
    {
        using var policy = Untrained();
        PolicyEvaluation.Run(policy, [TaskRegistry.Get("metaworld-mini/reach")], new EvaluationOptions(3, 1, _dir, VideoEpisodes: 2, VideoSize: 32));
        var files = Directory.GetFiles(_dir, "*.png");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.StartsWith("reach_eval0", Path.GetFileName(f)));
    }

    [Fact]
    public void Run_TaskWithOtherActionSize_ThrowsNamingTheSizes()
    {
        using var policy = Untrained();
        var panda = TaskRegistry.Suite("libero-mini")[0];
        var e = Assert.Throws<ArgumentException>(() => PolicyEvaluation.Run(policy, [panda], new EvaluationOptions(1, 1)));
        Assert.Contains("7-D", e.Message);
    }
}
