using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Learner.Tests.Sft;

/// <summary>The demos of an SFT run: which state fields a policy reads, and the action statistics it normalises by.</summary>
[Trait("Category", "Fast")]
public sealed class DemoDatasetTests : IClassFixture<ReachDemosFixture>
{
    private readonly ReachDemosFixture _demos;
    private static readonly TaskSpec Reach = TaskRegistry.Get("metaworld-mini/reach");

    public DemoDatasetTests(ReachDemosFixture demos) => _demos = demos;

    [Fact]
    public void Load_Proprio_SelectsTheRobotsFieldsAndNoObjectPose()
    {
        var data = DemoDataset.Load(_demos.Directory, [Reach], 2, [], [DemoDataset.Proprio]);

        Assert.Equal(["hand_pos", "gripper_opening"], data.StateFields.Select(f => f.Name));
        Assert.Equal(4, data.StateDim);
        Assert.Equal(4, data.Inputs.StateMean.Length);
    }

    [Fact]
    public void Load_NoSelection_ReadsEveryFieldOfTheDemos()
    {
        var data = DemoDataset.Load(_demos.Directory, [Reach], 2, []);
        Assert.Equal(data.Files[0].ObservationFields.Select(f => f.Name), data.StateFields.Select(f => f.Name));
        Assert.Contains(data.StateFields, f => f.Name.EndsWith("_pos", StringComparison.Ordinal) && f.Name != "hand_pos");
    }

    [Fact]
    public void Load_UnknownField_IsRefusedListingTheFields()
    {
        var e = Assert.Throws<InvalidDataException>(() => DemoDataset.Load(_demos.Directory, [Reach], 2, [], ["elbow"]));
        Assert.Contains("elbow", e.Message);
        Assert.Contains("hand_pos", e.Message);
    }

    [Fact]
    public void Window_WithShift_TranslatesEachFrameByAtMostTheShift()
    {
        var dir = Directory.CreateTempSubdirectory("ript-img-demos-").FullName;
        try
        {
            DemoGenerator.Generate(Reach, new DemoGenerator.Options(1, Images: true, ImageSize: 16)).Save(Path.Combine(dir, "reach.safetensors"));
            var data = DemoDataset.Load(dir, [Reach], 1, ["corner2"]);
            var config = new PolicyConfig(PolicyKind.Regression, data.StateDim, data.ActionDim, 2, 1, ["corner2"], 16);
            var plain = data.Window(0, 5, config).Observation.Images!;
            var shifted = data.Window(0, 5, config, new Random(1), 2).Observation.Images!;

            Assert.NotEqual(plain, shifted);
            var match = Enumerable.Range(-2, 5).SelectMany(dx => Enumerable.Range(-2, 5).Select(dy => (dx, dy))).Where(d =>
            {
                for (var y = 0; y < 16; y++)
                    for (var x = 0; x < 16; x++)
                        for (var ch = 0; ch < 3; ch++)
                            if (shifted[(y * 16 + x) * 3 + ch] != plain[(Math.Clamp(y - d.dy, 0, 15) * 16 + Math.Clamp(x - d.dx, 0, 15)) * 3 + ch]) return false;
                return true;
            });
            Assert.NotEmpty(match);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_NormalizeActions_GivesTheDemosActionMeanAndStd()
    {
        var data = DemoDataset.Load(_demos.Directory, [Reach], 3, [], normalizeActions: true);
        var actions = data.Files[0].Episodes.Take(3).SelectMany(e => e.Actions.Chunk(data.ActionDim)).ToList();
        for (var d = 0; d < data.ActionDim; d++)
        {
            var column = actions.Select(a => (double)a[d]).ToList();
            var mean = column.Average();
            Assert.Equal(mean, data.Inputs.ActionMean![d], 4);
            Assert.Equal(Math.Max(Math.Sqrt(column.Average(v => (v - mean) * (v - mean))), 0.01), data.Inputs.ActionStd![d], 4);
        }
    }
}
