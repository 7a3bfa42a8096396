using System.Text.Json;
using System.Text.Json.Serialization;
using RiptOrleans.Learner.Configuration;

namespace RiptOrleans.Learner.Tests.Configuration;

[Trait("Category", "Fast")]
public class JsonConfigTests : IDisposable
{
    private sealed record Knobs
    {
        public int K { get; init; } = 8;
        public double LearningRate { get; init; } = 1e-5;
        public string? Task { get; init; }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("ript-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_FileThenEnvironment_EnvironmentWinsAndDefaultsFillTheRest()
    {
        var path = Path.Combine(_dir, "c.json");
        File.WriteAllText(path, """{"k": 16, "task": "a"}""");

        var k = JsonConfig.Load<Knobs>(path, "train", Json, new Dictionary<string, string> { ["RIPT_TRAIN_TASK"] = "b", ["RIPT_SFT_K"] = "2" });

        Assert.Equal(new Knobs { K = 16, Task = "b" }, k);
    }

    [Fact]
    public void Load_UnknownKey_IsNamedWithItsSource()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            JsonConfig.Load<Knobs>(null, "train", Json, new Dictionary<string, string> { ["RIPT_TRAIN_BATCH"] = "4" }));

        Assert.Contains("RIPT_TRAIN_BATCH", e.Message);
        Assert.Contains("batch", e.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        var e = Assert.Throws<FileNotFoundException>(() => JsonConfig.Load<Knobs>(Path.Combine(_dir, "nope.json"), "train", Json, new Dictionary<string, string>()));

        Assert.Contains("nope.json", e.Message);
    }
}
