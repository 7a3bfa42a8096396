using RiptOrleans.Physics.Data;

namespace RiptOrleans.Physics.Tests.Data;

[Trait("Category", "Fast")]
public class DemoFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-demos-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DemoFile Sample() => new("suite/task", "do the thing", [("a", 2), ("b", 1)], 2, 4,
    [
        new DemoEpisode("suite/task/3", 11, [1, 2, 3], 2, [1, 2, 3, 4, 5, 6, 7, 8, 9], [0.1f, 0.2f, 0.3f, 0.4f],
            new Dictionary<string, byte[]> { ["cam"] = Enumerable.Range(0, 3 * 4 * 4 * 3).Select(i => (byte)i).ToArray() }),
        new DemoEpisode("suite/task/4", 12, [4, 5, 6], 1, [1, 2, 3, 4, 5, 6], [0.5f, 0.6f], new Dictionary<string, byte[]>
        {
            ["cam"] = new byte[2 * 4 * 4 * 3],
        }),
    ]) { Provenance = new Dictionary<string, string> { ["expert_noise"] = "0.05" } };

    [Fact]
    public void Load_SavedFile_RoundTripsEveryEpisodeAndTheMetadata()
    {
        var path = Path.Combine(_dir, "task.safetensors");
        Sample().Save(path);

        var back = DemoFile.Load(path);

        Assert.Equal("suite/task", back.TaskId);
        Assert.Equal("do the thing", back.Instruction);
        Assert.Equal([("a", 2), ("b", 1)], back.ObservationFields);
        Assert.Equal(2, back.Episodes.Count);
        Assert.Equal(Sample().Episodes[0].Observations, back.Episodes[0].Observations);
        Assert.Equal(Sample().Episodes[0].Actions, back.Episodes[0].Actions);
        Assert.Equal(Sample().Episodes[0].Images["cam"], back.Episodes[0].Images["cam"]);
        Assert.Equal(new double[] { 4, 5, 6 }, back.Episodes[1].InitState);
        Assert.Equal("suite/task/4", back.Episodes[1].ContextId);
        Assert.Equal("0.05", back.Provenance["expert_noise"]);
    }

    [Fact]
    public void Load_SafetensorsOfAnotherKind_IsRefusedNamingTheFormat()
    {
        var path = Path.Combine(_dir, "weights.safetensors");
        var f = new SafeTensorsFile();
        f.Tensors["w"] = SafeTensor.From(new float[] { 1 }, 1);
        f.Save(path);

        var e = Assert.Throws<InvalidDataException>(() => DemoFile.Load(path));

        Assert.Contains("not a RiptOrleans demonstration file", e.Message);
    }
}
