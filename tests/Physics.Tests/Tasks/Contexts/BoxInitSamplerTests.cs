using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Physics.Tests.Tasks.Contexts;

/// <summary>MetaWorld's placement: boxes, the distance rule, a fixed yaw for a free body and starting joint values.</summary>
[Trait("Category", "Fast")]
public class BoxInitSamplerTests
{
    private static readonly BoxObject Block = new("block", new(0.02, 0.02, 0.02), Rgba.Red);
    private static readonly MetaWorldDrawer Case = new("drawer");

    private static TaskModel Compile(params Placement[] placements) =>
        TaskModel.Compile(new TaskSpec("test", "box-sampler", "test", 10, RobotKind.Sawyer, s => MetaWorldArena.Build(s, new Vec3(0, 0.6, 0.2)),
            placements, new All()) { WorkspaceOffset = Vec3.Zero });

    [Fact]
    public void Place_BlockWithYawAndDrawerWithStartingRange_LandsInTheBoxTurnedAndOpenedWithinRange()
    {
        using var task = Compile(new Placement(Block, 0, 0.6), new Placement(Case, 0, 0.9, Joints: new Dictionary<string, (double, double)>
        {
            [Case.Joint] = (-0.15, -0.05),
        }));
        var sampler = new BoxInitSampler(
            [new("block", new(-0.1, 0.6, 0.02), new(0.1, 0.7, 0.02)), new("drawer", new(-0.1, 0.9, 0), new(0.1, 0.9, 0))],
            [new("block", "drawer", 0.15)], Yaws: new Dictionary<string, double> { ["block"] = Math.PI / 2 });
        var model = task.Model;
        using var data = new MjData(model);
        var block = model.JointQposAddress(model.JointId(ContextSampler.FreeJointName("block")));
        var slide = model.JointQposAddress(model.JointId(Case.Joint));
        var drawerMocap = model.BodyMocapId(model.BodyId("drawer"));
        var openings = new List<double>();
        for (var seed = 0; seed < 20; seed++)
        {
            data.Reset();
            sampler.Place(task, data, new Random(seed));

            var p = new Vec3(data.Qpos[block], data.Qpos[block + 1], data.Qpos[block + 2]);
            var d = new Vec3(data.MocapPos[3 * drawerMocap], data.MocapPos[3 * drawerMocap + 1], data.MocapPos[3 * drawerMocap + 2]);
            Assert.InRange(p.X, -0.1, 0.1);
            Assert.InRange(p.Y, 0.6, 0.7);
            Assert.Equal(0.02, p.Z, 9);
            Assert.True((p - d).NormXy >= 0.15, $"seed {seed}: block {p} and drawer {d} closer than the rule");
            var q = new Quat(data.Qpos[block + 3], data.Qpos[block + 4], data.Qpos[block + 5], data.Qpos[block + 6]);
            Assert.Equal(Quat.FromYaw(Math.PI / 2), q);
            Assert.InRange(data.Qpos[slide], -0.15, -0.05);
            openings.Add(data.Qpos[slide]);
        }
        // Uniform in the range, not one fixed value.
        Assert.True(openings.Max() - openings.Min() > 0.05);
    }

    [Fact]
    public void Place_SameSeed_DrawsTheSamePlacement()
    {
        using var task = Compile(new Placement(Block, 0, 0.6));
        var sampler = new BoxInitSampler([new("block", new(-0.1, 0.6, 0.02), new(0.1, 0.7, 0.02))]);
        using var a = new MjData(task.Model);
        using var b = new MjData(task.Model);

        sampler.Place(task, a, new Random(3));
        sampler.Place(task, b, new Random(3));

        Assert.Equal(a.Qpos.ToArray(), b.Qpos.ToArray());
    }
}
