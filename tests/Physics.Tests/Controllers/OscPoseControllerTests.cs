using RiptOrleans.Physics.Controllers;
using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Controllers;

[Trait("Category", "Fast")]
public class OscPoseControllerTests
{
    [Fact]
    public void Apply_CartesianTargetTenCentimetresAway_ReachedWithinOneCentimetreIn20Steps()
    {
        using var env = TaskFixtures.ResetEnv(TaskFixtures.PandaTask, out var obs);
        var rig = (PandaRig)env.Rig;
        var target = rig.GripPosition(env.Data) + new Vec3(0.08, 0.04, -0.05);
        var action = new double[7];

        for (var t = 0; t < 20; t++)
        {
            var d = (target - rig.GripPosition(env.Data)) / OscPoseController.PositionScale;
            (action[0], action[1], action[2]) = (d.X, d.Y, d.Z);
            env.Step(action, obs);
        }

        Assert.True((target - rig.GripPosition(env.Data)).Norm < 0.01, $"grip at {rig.GripPosition(env.Data)}, target {target}");
    }

    [Fact]
    public void Apply_ZeroActions_HoldsTheGripSiteStill()
    {
        using var env = TaskFixtures.ResetEnv(TaskFixtures.PandaTask, out var obs);
        var rig = (PandaRig)env.Rig;
        var start = rig.GripPosition(env.Data);

        for (var t = 0; t < 20; t++)
            env.Step(new double[7], obs);

        Assert.True((rig.GripPosition(env.Data) - start).Norm < 0.005, $"drifted from {start} to {rig.GripPosition(env.Data)}");
    }

    [Fact]
    public void GripperController_CloseThenOpen_FingersFollowWithinTenSteps()
    {
        using var env = TaskFixtures.ResetEnv(TaskFixtures.PandaTask, out var obs);
        var rig = (PandaRig)env.Rig;
        double[] close = [0, 0, 0, 0, 0, 0, 1], open = [0, 0, 0, 0, 0, 0, -1];

        for (var t = 0; t < 10; t++) env.Step(close, obs);
        var closed = rig.FingerOpening(env.Data);
        for (var t = 0; t < 10; t++) env.Step(open, obs);
        var opened = rig.FingerOpening(env.Data);

        Assert.True(closed < 0.005, $"opening after closing: {closed}");
        Assert.True(opened > 0.07, $"opening after opening: {opened}");
    }
}
