using RiptOrleans.Physics.Benchmarks;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Tests.Benchmarks;

public class EnvBenchmarkTests
{
    /// <summary>The bare reference must run the env's own trajectory: replaying the recorded inputs lands on the env's state bit for bit.</summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("libero-mini/kitchen-scene1-open-the-top-drawer-of-the-cabinet")] // OSC torques change every substep
    [InlineData("metaworld-mini/drawer-open")]                                     // mocap hand, one input per control step
    public void BenchReplay_RecordedSweepInputs_ReachesTheEnvsState(string id)
    {
        const int steps = 40;
        using var task = TaskModel.Compile(TaskRegistry.Get(id));
        var context = ContextSampler.Sample(task, ContextSplit.Eval, 0, 1);
        using var env = new ManipulationEnv(task);
        var obs = new float[task.Observation.Size];
        var action = new double[env.ActionDim];
        env.Reset(context, obs);
        for (var step = 0; step < steps; step++)
        {
            EnvBenchmark.Sweep(step, action);
            Assert.False(env.Step(action, obs).Done);
        }

        var (ctrl, mocapPos, mocapQuat, episodes) = EnvBenchmark.RecordInputs(task, context, steps);
        using var data = new MjData(task.Model);
        data.SetState(context.State);
        data.Forward();
        data.BenchReplay(ctrl, mocapPos, mocapQuat, ctrl.Length / task.Model.Nu);

        Assert.Equal((0, steps * env.Rig.Substeps), Assert.Single(episodes));
        Assert.Equal(env.Data.Qpos.ToArray(), data.Qpos.ToArray());
        Assert.Equal(env.Data.Qvel.ToArray(), data.Qvel.ToArray());
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void BenchReplay_WrongInputLength_ThrowsNamingTheArray()
    {
        using var task = TaskModel.Compile(TaskRegistry.Get("metaworld-mini/reach"));
        using var data = new MjData(task.Model);

        var e = Assert.Throws<ArgumentException>(() => data.BenchReplay(new double[task.Model.Nu], [], [], 2));

        Assert.Contains("ctrl must hold", e.Message);
    }
}
