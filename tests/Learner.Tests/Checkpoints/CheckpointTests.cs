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

    private string Save(IPolicy policy, string name = "ckpt", long step = 12, int keep = Checkpoint.DefaultKeep)
    {
        var path = Path.Combine(_dir, name);
        using var opt = new Optim.AdamW(policy.Parameters(), 1e-3);
        new Checkpoint(policy.Config, new JsonObject { ["task"] = "reach" }, policy.ExportWeights(3), opt.StateToBytes(),
            new CheckpointState { Stage = "prior", Step = step, Version = 3, Extra = { ["k"] = "v" }, Custom = new JsonObject { ["registry"] = 1 } }).Save(path, keep);
        return path;
    }

    private string[] Entries() => Directory.GetFileSystemEntries(_dir).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();

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
    public void Save_OverAnOlderCheckpoint_PointsAtTheNewerAndLeavesNoTemporaries()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Tokenized);
        Save(policy, step: 1);
        var path = Save(policy, step: 2);

        Assert.Equal(["ckpt", "ckpt-prior-000001", "ckpt-prior-000002"], Entries());
        Assert.Equal("ckpt-prior-000002", new FileInfo(path).LinkTarget);
        Assert.Equal(2, Checkpoint.Load(path).State.Step);
    }

    [Fact]
    public void Save_ManySteps_KeepsTheNewestOnes()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        for (var step = 1; step <= 5; step++) Save(policy, step: step, keep: 2);

        Assert.Equal(["ckpt", "ckpt-prior-000004", "ckpt-prior-000005"], Entries());
    }

    [Fact]
    public void Save_OverACheckpointDirectoryOfTheOldLayout_MovesItAsideAndPointsAtTheNewOne()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var path = Save(policy, step: 7);
        // The old layout: the pointer name is the checkpoint directory itself.
        var target = Path.Combine(_dir, new FileInfo(path).LinkTarget!);
        File.Delete(path);
        Directory.Move(target, path);

        Save(policy, step: 8);

        Assert.Equal(["ckpt", "ckpt-prior-000007", "ckpt-prior-000008"], Entries());
        Assert.Equal(8, Checkpoint.Load(path).State.Step);
    }

    [Fact]
    public void LoadLatest_PointerLostBetweenRenames_ResumesFromTheNewestIntactCheckpoint()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        Save(policy, step: 1);
        var path = Save(policy, step: 2);
        File.Delete(path); // a crash after the checkpoint was renamed into place, before the pointer was replaced

        var latest = Checkpoint.LoadLatest(path);

        Assert.NotNull(latest);
        Assert.Equal(2, latest.Value.Checkpoint.State.Step);
    }

    [Fact]
    public void LoadLatest_OldWriterCrashedBetweenItsTwoRenames_ResumesFromTheAsideCopy()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        var path = Save(policy, step: 6);
        var target = Path.Combine(_dir, new FileInfo(path).LinkTarget!);
        File.Delete(path);
        Directory.Move(target, Path.Combine(_dir, ".ckpt.old-0123abcd"));

        var latest = Checkpoint.LoadLatest(path);

        Assert.Equal(6, latest!.Value.Checkpoint.State.Step);
    }

    [Fact]
    public void LoadLatest_PointedCheckpointCorrupt_FallsBackToThePreviousIntactOne()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        Save(policy, step: 1);
        var path = Save(policy, step: 2);
        File.Delete(Path.Combine(path, Checkpoint.StateFile));

        Assert.Equal(1, Checkpoint.LoadLatest(path)!.Value.Checkpoint.State.Step);
    }

    [Fact]
    public void LoadLatest_NoCheckpoint_ReturnsNull() => Assert.Null(Checkpoint.LoadLatest(Path.Combine(_dir, "ckpt")));

    [Fact]
    public void LoadLatest_EveryCheckpointCorrupt_ThrowsNamingEachOne()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        Save(policy, step: 1);
        var path = Save(policy, step: 2);
        foreach (var d in Directory.GetDirectories(_dir)) File.Delete(Path.Combine(d, Checkpoint.WeightsFile));

        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.LoadLatest(path));

        Assert.Contains("no intact checkpoint", e.Message);
        Assert.Contains("ckpt-prior-000001", e.Message);
        Assert.Contains("ckpt-prior-000002", e.Message);
    }

    [Fact]
    public void Load_StateFileMissing_SaysIncompleteAndNamesTheLastGoodCheckpoint()
    {
        using var policy = PolicyFixtures.Create(PolicyKind.Regression);
        Save(policy, step: 1);
        var path = Save(policy, step: 2);
        File.Delete(Path.Combine(path, Checkpoint.StateFile));

        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));

        Assert.Contains("incomplete or corrupt", e.Message);
        Assert.Contains("state.json is missing", e.Message);
        Assert.Contains("the last good checkpoint is", e.Message);
        Assert.Contains("ckpt-prior-000001 (prior step 1)", e.Message);
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
