using System.Text.Json.Nodes;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Tests.Support;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Checkpoints;

/// <summary>Checkpoint directories: round trip, atomic replacement, refusal of corrupted or mismatched ones.</summary>
[Trait("Category", "Fast")]
public sealed class CheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Save(IPolicy policy, string name = "ckpt")
    {
        var path = Path.Combine(_dir, name);
        using var opt = new Optim.AdamW(policy.Parameters(), 1e-3);
        new Checkpoint(policy.Config, new JsonObject { ["task"] = "reach" }, policy.ExportWeights(3), opt.StateToBytes(),
            new CheckpointState { Stage = "prior", Step = 12, Version = 3, Extra = { ["k"] = "v" }, Custom = new JsonObject { ["registry"] = 1 } }).Save(path);
        return path;
    }

    [Theory]
    [InlineData(PolicyKind.Tokenized)]
    [InlineData(PolicyKind.Regression)]
    public void Load_OfSaved_GivesIdenticalActionsAndState(PolicyKind kind)
    {
        using var policy = PolicyFixtures.Create(kind);
        var path = Save(policy);

        var loaded = Checkpoint.Load(path, policy.Config);
        using var restored = PolicyFactory.FromCheckpoint(path);

        Assert.Equal("prior", loaded.State.Stage);
        Assert.Equal(12, loaded.State.Step);
        Assert.Equal(3, loaded.State.Version);
        Assert.Equal("v", loaded.State.Extra["k"]);
        Assert.Equal(1, loaded.State.Custom!["registry"]!.GetValue<int>());
        Assert.Equal("reach", loaded.Training!["task"]!.GetValue<string>());
        Assert.Equal(policy.Config.LogScaleClip, loaded.Policy.LogScaleClip);
        Assert.Equal(policy.Config.FsqLevels, loaded.Policy.FsqLevels);
        var obs = PolicyFixtures.Observations(4);
        using var g = new Generator(0);
        var a = policy.Act(obs, ActMode.Greedy, g);
        var b = restored.Act(obs, ActMode.Greedy, g);
        for (var i = 0; i < obs.Count; i++) Assert.Equal(a[i].Actions, b[i].Actions);
    }

    [Fact]
    public void Save_OverAnOlderCheckpoint_ReplacesItAndLeavesNoTemporaries()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Tokenized);
        Save(policy);
        Save(policy);
        Assert.Equal(["ckpt"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(Checkpoint.WeightsFile)]
    [InlineData(Checkpoint.OptimizerFile)]
    [InlineData(Checkpoint.ConfigFile)]
    public void Load_CorruptedFile_ThrowsNamingTheFile(string file)
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var path = Save(policy);
        var bytes = File.ReadAllBytes(Path.Combine(path, file));
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(Path.Combine(path, file), bytes);

        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains(file, e.Message);
        Assert.Contains("corrupted", e.Message);
    }

    [Fact]
    public void Load_MissingWeights_ThrowsNamingTheFile()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var path = Save(policy);
        File.Delete(Path.Combine(path, Checkpoint.WeightsFile));
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("weights.safetensors is missing", e.Message);
    }

    [Fact]
    public void Load_MismatchedConfig_ThrowsNamingTheField()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Tokenized);
        var path = Save(policy);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, policy.Config with { ChunkLength = 8 }));
        Assert.Contains("chunk_length: 4 vs 8", e.Message);
    }

    [Fact]
    public void ImportWeights_FromAnotherArchitecture_ThrowsNamingTheField()
    {
        using var small = PolicyFixtures.Create(PolicyKind.Regression);
        using var g = new Generator(0);
        using var wide = PolicyFactory.Create(small.Config with { DModel = 32 }, PolicyFixtures.Inputs(), g);
        var e = Assert.Throws<InvalidDataException>(() => wide.ImportWeights(small.ExportWeights(0)));
        Assert.Contains("d_model: 16 vs 32", e.Message);
    }
}
