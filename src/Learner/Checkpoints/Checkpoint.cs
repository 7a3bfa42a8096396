using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Checkpoints;

/// <summary>
/// One training checkpoint (DESIGN §5): a directory holding weights.safetensors, optimizer.safetensors (optional),
/// config.json ({"policy": PolicyConfig, "training": the trainer's config}) and state.json (<see cref="CheckpointState"/>
/// with the sha256 of the other files). Written to a temporary sibling directory and renamed into place; a load
/// refuses a file whose sha256 differs, a missing file, or a policy config other than the expected one.
/// </summary>
public sealed record Checkpoint(PolicyConfig Policy, JsonNode? Training, byte[] Weights, byte[]? Optimizer, CheckpointState State)
{
    public const string WeightsFile = "weights.safetensors";
    public const string OptimizerFile = "optimizer.safetensors";
    public const string ConfigFile = "config.json";
    public const string StateFile = "state.json";

    private static readonly JsonSerializerOptions StateOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>Writes the checkpoint to directory atomically (temp dir + rename), replacing an older one; returns the state written.</summary>
    public CheckpointState Save(string directory)
    {
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"checkpoint directory {directory} has no parent");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(full);
        var tmp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(tmp);
        try
        {
            var files = new Dictionary<string, byte[]>
            {
                [WeightsFile] = Weights,
                [ConfigFile] = Encoding.UTF8.GetBytes(new JsonObject
                {
                    ["policy"] = PolicyConfigJson.ToNode(Policy),
                    ["training"] = Training?.DeepClone(),
                }.ToJsonString(new JsonSerializerOptions { WriteIndented = true })),
            };
            if (Optimizer is not null) files[OptimizerFile] = Optimizer;
            foreach (var (file, bytes) in files) WriteDurably(Path.Combine(tmp, file), bytes);
            var state = State with
            {
                SavedAt = DateTimeOffset.UtcNow,
                Sha256 = files.ToDictionary(f => f.Key, f => Sha256Hex(f.Value)),
            };
            WriteDurably(Path.Combine(tmp, StateFile), JsonSerializer.SerializeToUtf8Bytes(state, StateOptions));
            string? old = null;
            if (Directory.Exists(full))
            {
                old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
                Directory.Move(full, old);
            }
            Directory.Move(tmp, full);
            if (old is not null) Directory.Delete(old, recursive: true);
            return state;
        }
        catch
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Reads and verifies a checkpoint. Throws <see cref="InvalidDataException"/> naming the directory and what is wrong:
    /// a missing file, a sha256 mismatch, malformed JSON, or (when expected is given) a policy architecture that differs.
    /// </summary>
    public static Checkpoint Load(string directory, PolicyConfig? expected = null)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"checkpoint {directory}: no such directory");
        string Need(string file)
        {
            var p = Path.Combine(directory, file);
            return File.Exists(p) ? p : throw new InvalidDataException($"checkpoint {directory}: {file} is missing");
        }
        CheckpointState state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllBytes(Need(StateFile)), StateOptions)
                    ?? throw new InvalidDataException($"checkpoint {directory}: {StateFile} is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"checkpoint {directory}: {StateFile} is malformed: {e.Message}", e);
        }
        if (state.Format != CheckpointState.CurrentFormat)
            throw new InvalidDataException($"checkpoint {directory}: {StateFile} has format '{state.Format}', expected '{CheckpointState.CurrentFormat}'");
        byte[] Verified(string file)
        {
            var bytes = File.ReadAllBytes(Need(file));
            if (!state.Sha256.TryGetValue(file, out var want))
                throw new InvalidDataException($"checkpoint {directory}: {StateFile} has no sha256 for {file}");
            var got = Sha256Hex(bytes);
            if (!string.Equals(got, want, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"checkpoint {directory}: {file} is corrupted (sha256 {got[..12]}…, {StateFile} says {want[..Math.Min(12, want.Length)]}…)");
            return bytes;
        }
        var weights = Verified(WeightsFile);
        var optimizer = state.Sha256.ContainsKey(OptimizerFile) ? Verified(OptimizerFile) : null;
        var configBytes = Verified(ConfigFile);
        PolicyConfig policy;
        JsonNode? training;
        try
        {
            var config = JsonNode.Parse(configBytes) as JsonObject ?? throw new InvalidDataException($"checkpoint {directory}: {ConfigFile} is not a JSON object");
            policy = PolicyConfigJson.FromNode(config["policy"] ?? throw new InvalidDataException($"checkpoint {directory}: {ConfigFile} has no \"policy\""));
            training = config["training"]?.DeepClone();
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"checkpoint {directory}: {ConfigFile}: {e.Message}", e);
        }
        if (expected is not null && PolicyConfigJson.ArchitectureDifference(policy, expected) is { } diff)
            throw new InvalidDataException($"checkpoint {directory}: its policy config does not match the expected one (checkpoint vs expected): {diff}");
        return new Checkpoint(policy, training, weights, optimizer, state);
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteDurably(string path, byte[] bytes)
    {
        using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        f.Write(bytes);
        f.Flush(flushToDisk: true);
    }
}
