using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Envs;

[Trait("Category", "Fast")]
public class ManipulationEnvTests
{
    [Fact]
    public void Step_NaNAndOutOfRangeActions_AreCountedAndTheEpisodeGoesOn()
    {
        using var env = TaskFixtures.ResetEnv(TaskFixtures.PandaTask, out var obs);

        var result = env.Step([double.NaN, double.PositiveInfinity, 3, -5, 0, 0, 0], obs);

        Assert.False(result.Done);
        Assert.Equal(2, env.NonFiniteActions);
        Assert.Equal(2, env.ClippedActions);
        Assert.All(obs, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Step_UntilTheHorizon_EndsWithTimeoutThenThrows()
    {
        using var env = TaskFixtures.ResetEnv(TaskFixtures.SawyerTask, out var obs);
        var horizon = env.Task.Spec.Horizon;
        var action = new double[env.ActionDim];
        StepResult last = default;

        for (var t = 0; t < horizon; t++)
            last = env.Step(action, obs);

        Assert.True(last.Done);
        Assert.Equal(FailureReasons.Timeout, last.FailureReason);
        var e = Assert.Throws<InvalidOperationException>(() => env.Step(action, obs));
        Assert.Contains("past the horizon", e.Message);
    }

    [Fact]
    public void Step_SameContextAndActions_GivesIdenticalObservations()
    {
        float[] Rollout()
        {
            using var env = TaskFixtures.ResetEnv(TaskFixtures.PandaTask, out var obs);
            var trace = new List<float>();
            for (var t = 0; t < 15; t++)
            {
                env.Step([Math.Sin(t), Math.Cos(t), -0.3, 0.1, 0, 0, t < 8 ? 1 : -1], obs);
                trace.AddRange(obs);
            }
            return trace.ToArray();
        }

        Assert.Equal(Rollout(), Rollout());
    }

    [Fact]
    public void Step_PhysicsDiverges_EndsTheEpisodeAsDivergedAndTheEnvResetsCleanly()
    {
        var (model, context) = TaskFixtures.Get(TaskFixtures.PandaTask);
        using var env = TaskFixtures.ResetEnv(TaskFixtures.PandaTask, out var obs);
        env.Data.Qvel.Fill(1e30);

        var result = env.Step(new double[7], obs);

        Assert.True(result.Done);
        Assert.False(result.Success);
        Assert.StartsWith(FailureReasons.DivergedPrefix, result.FailureReason);
        env.Reset(context, obs);
        Assert.False(env.Step(new double[7], obs).Done);
    }

    [Fact]
    public void Reset_ContextOfAnotherTask_ThrowsNamingBoth()
    {
        using var env = TaskFixtures.ResetEnv(TaskFixtures.PandaTask, out var obs);
        var other = TaskFixtures.Get(TaskFixtures.SawyerTask).Context;

        var e = Assert.Throws<ArgumentException>(() => env.Reset(other, obs));

        Assert.Contains(TaskFixtures.SawyerTask, e.Message);
        Assert.Contains(TaskFixtures.PandaTask, e.Message);
    }

    [Fact]
    public void Observe_PandaTask_StartsWithTheRobotFieldsOfLiberoDatasets()
    {
        var (model, _) = TaskFixtures.Get(TaskFixtures.PandaTask);

        Assert.Equal(["joint_states", "ee_pos", "ee_ori", "gripper_states"], model.Observation.Fields.Take(4).Select(f => f.Name));
        Assert.Equal((7, 3), model.Observation["ee_pos"]);
    }
}
