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

    [Fact]
    public void Contexts_FromADemoDirectory_CycleThroughTheDemosInitialStates()
    {
        var spec = TaskRegistry.Get("metaworld-mini/reach");
        var demos = RiptOrleans.Physics.Experts.DemoGenerator.Generate(spec, new RiptOrleans.Physics.Experts.DemoGenerator.Options(2));
        demos.Save(Path.Combine(_dir, "reach.safetensors"));
        using var task = TaskModel.Compile(spec);

        var contexts = PolicyEvaluation.Contexts(task, new EvaluationOptions(5, DemoDirectory: _dir));

        Assert.Equal(5, contexts.Count);
        for (var i = 0; i < 5; i++) Assert.Equal(demos.Episodes[i % 2].InitState, contexts[i].State);
    }

    [Fact]
    public void Contexts_DemoDirectoryWithoutTheTask_ThrowsNamingTheFile()
    {
        using var task = TaskModel.Compile(TaskRegistry.Get("metaworld-mini/reach"));

        var e = Assert.Throws<FileNotFoundException>(() => PolicyEvaluation.Contexts(task, new EvaluationOptions(1, DemoDirectory: _dir)));

        Assert.Contains("reach.safetensors", e.Message);
    }
}
