using RiptOrleans.Physics.Benchmarks;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tests.Benchmarks;

public class BenchmarkTests
{
    [Fact]
    [Trait("Category", "Fast")]
    public void ReferenceScene_Loads_WithArmGripperTableAndThreeObjects()
    {
        using var model = MjModel.FromXml(ReferenceScene.Xml);
        Assert.Equal(9, model.Nu);                        // 7 arm motors + 2 finger servos
        Assert.Equal(7 + 2 + 3 * 7, model.Nq);
        Assert.Equal(0.002, model.Timestep);
        Assert.True(model.TrySiteId(ReferenceScene.GripSite, out _));
        Assert.True(model.TryCameraId(ReferenceScene.AgentCamera, out _));
        Assert.True(model.TryCameraId(ReferenceScene.WristCamera, out _));

        // Objects stay on the table for a second of holding the home pose.
        using var data = new MjData(model);
        data.ResetToKeyframe(ReferenceScene.HomeKeyframe);
        data.Step(ReferenceScene.Substeps * 20);
        Assert.False(data.Warnings.Any, data.Warnings.Describe());
        foreach (var name in new[] { "cube", "can", "block" })
            Assert.InRange(data.Xpos[3 * model.BodyId(name) + 2], 0.90, 0.96); // resting on the 0.90 m table
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void PhysicsBenchmark_ShortRun_ReportsBothRates()
    {
        var r = PhysicsBenchmark.Run(secondsPerRound: 0.05, rounds: 1);
        Assert.True(r.ControlStepsPerSecond > 0 && r.ReferenceControlStepsPerSecond > 0);
        Assert.Equal(ReferenceScene.Substeps, r.Substeps);
        Assert.Equal("ok", r.Warnings);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void RenderBenchmark_ShortRun_ReportsBothRates()
    {
        var r = RenderBenchmark.Run(32, 32, secondsPerRound: 0.05, rounds: 1);
        Assert.True(r.FramesPerSecond > 0 && r.ReferenceFramesPerSecond > 0);
        Assert.Equal("osmesa", r.Backend);
    }
}
