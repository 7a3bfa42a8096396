using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>A registered suite the contract runs over, and how many evaluation contexts per task its expert is tried on.</summary>
public interface ISuiteUnderTest
{
    static abstract string Suite { get; }

    /// <summary>A small sample per task: the full 50-context expert table is measured outside the test run (`ript experts`).</summary>
    static virtual int ExpertSample => 3;
}

/// <summary>
/// What every task of every suite must do: each evaluation context resets with a finite observation and the goal unmet,
/// contexts are distinct, a context and an action sequence always give the same observations, and the scripted expert
/// succeeds within the horizon on a sample of contexts. One derived class per suite, so suites run in parallel.
/// </summary>
public abstract class TaskContractTests<TSuite> where TSuite : ISuiteUnderTest
{
    public static TheoryData<string> TaskIds() => [.. TaskRegistry.Suite(TSuite.Suite).Select(t => t.Id)];

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(TaskIds))]
    public void Reset_EveryEvalContext_GivesFiniteObservationWithGoalUnmet(string id)
    {
        var (task, contexts) = SuiteContexts.Get(id);
        using var env = new ManipulationEnv(task);
        var obs = new float[task.Observation.Size];
        Assert.Equal(ContextSet.EvalCount, contexts.Count);
        foreach (var context in contexts.Contexts)
        {
            env.Reset(context, obs);
            Assert.All(obs, v => Assert.True(float.IsFinite(v)));
            Assert.False(task.Goal.Holds(env.Data), $"{id}: the goal already holds in context {context.Id}");
        }
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(TaskIds))]
    public void Create_EvalContexts_AreDistinct(string id)
    {
        var (_, contexts) = SuiteContexts.Get(id);

        var distinct = contexts.Contexts.Select(c => string.Join(',', c.State.Select(v => Math.Round(v, 6)))).Distinct().Count();

        Assert.Equal(contexts.Count, distinct);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(TaskIds))]
    public void Step_SameContextAndActions_GiveIdenticalObservations(string id)
    {
        var (task, contexts) = SuiteContexts.Get(id);
        using var env = new ManipulationEnv(task);

        var first = Rollout(env, contexts[1]);
        var second = Rollout(env, contexts[1]);

        Assert.Equal(first, second);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(TaskIds))]
    public void Run_SampledEvalContexts_ExpertSucceedsWithinHorizon(string id)
    {
        var (task, contexts) = SuiteContexts.Get(id);
        using var env = new ManipulationEnv(task);
        // Spread over the 50 rather than the first few.
        var stride = ContextSet.EvalCount / TSuite.ExpertSample;
        for (var i = 0; i < TSuite.ExpertSample; i++)
        {
            var context = contexts[i * stride];
            var episode = ExpertRollout.Run(env, context);
            Assert.True(episode.Success, $"{id}, context {context.Id}: {episode.FailureReason} after {episode.Steps} steps");
            Assert.True(episode.Steps < task.Spec.Horizon);
        }
    }

    /// <summary>20 steps of a fixed pseudo-random action sequence from a context; every observation, concatenated.</summary>
    private static float[] Rollout(ManipulationEnv env, TaskContext context)
    {
        var obs = new float[env.Task.Observation.Size];
        var trace = new List<float>();
        var rng = new Random(7);
        var action = new double[env.ActionDim];
        env.Reset(context, obs);
        trace.AddRange(obs);
        for (var t = 0; t < 20; t++)
        {
            for (var i = 0; i < action.Length; i++)
                action[i] = 2 * rng.NextDouble() - 1;
            if (env.Step(action, obs).Done)
                break;
            trace.AddRange(obs);
        }
        return [.. trace];
    }
}
