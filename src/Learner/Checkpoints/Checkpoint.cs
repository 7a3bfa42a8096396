using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RiptOrleans.Learner.Policies;
using Serilog;

namespace RiptOrleans.Learner.Checkpoints;

/// <summary>
/// One training checkpoint (DESIGN §5): a directory holding weights.safetensors, optimizer.safetensors (optional),
/// config.json ({"policy": PolicyConfig, "training": the trainer's config}) and state.json (<see cref="CheckpointState"/>
/// with the sha256 of the other files). A run's `checkpoint` is a pointer (symbolic link) to the newest of a few
/// versioned directories (checkpoint-ript-000012), replaced atomically; a load refuses a file whose sha256 differs,
/// a missing file, or a policy config other than the expected one.
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

    /// <summary>Versioned checkpoints kept beside a pointer by default (the newest ones; the one it names is always kept).</summary>
    public const int DefaultKeep = 3;

    private static readonly ILogger Logger = Log.ForContext<Checkpoint>();

    /// <summary>
    /// Writes the checkpoint crash-safely and points <paramref name="directory"/> at it: the files go to a temporary
    /// sibling, are flushed, and the sibling is renamed to a versioned name (NAME-&lt;stage&gt;-&lt;step&gt;); then
    /// <paramref name="directory"/>, a symbolic link, is atomically replaced to name it, and the parent directory is
    /// flushed after each rename. A crash at any point leaves the previous pointer or a complete newer checkpoint, never
    /// neither. Keeps the newest <paramref name="keep"/> versioned checkpoints. Returns the state written.
    /// </summary>
    public CheckpointState Save(string directory, int keep = DefaultKeep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"checkpoint directory {directory} has no parent");
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        RemoveTemporaries(parent, name);
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
            foreach (var (file, bytes) in files) DurableFiles.WriteNew(Path.Combine(tmp, file), bytes);
            var state = State with
            {
                SavedAt = DateTimeOffset.UtcNow,
                Sha256 = files.ToDictionary(f => f.Key, f => Sha256Hex(f.Value)),
            };
            DurableFiles.WriteNew(Path.Combine(tmp, StateFile), JsonSerializer.SerializeToUtf8Bytes(state, StateOptions));
            DurableFiles.SyncDirectory(tmp);

            var version = VersionName(name, state.Stage, state.Step);
            var current = PointerTarget(full);
            for (var n = 1; Directory.Exists(Path.Combine(parent, version)); n++)
            {
                // The same stage and step saved again: replace an orphan (written, never pointed at), never what the pointer names.
                if (version != current) { Directory.Delete(Path.Combine(parent, version), recursive: true); break; }
                version = $"{VersionName(name, state.Stage, state.Step)}.{n}";
            }
            DurableFiles.Move(tmp, Path.Combine(parent, version));
            DurableFiles.SyncDirectory(parent);
            MoveLegacyDirectoryAside(full);
            DurableFiles.ReplaceLink(full, version);
            DurableFiles.SyncDirectory(parent);
            Prune(parent, name, version, keep);
            return state;
        }
        finally
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
        }
    }

    /// <summary>
    /// Reads and verifies a checkpoint (a pointer or a versioned directory). Throws <see cref="InvalidDataException"/>
    /// naming the directory and what is wrong — a missing file, a sha256 mismatch, malformed JSON: "incomplete or
    /// corrupt", with the last intact checkpoint beside it if there is one — or, when expected is given, a policy
    /// architecture that differs.
    /// </summary>
    public static Checkpoint Load(string directory, PolicyConfig? expected = null)
    {
        if (!Directory.Exists(directory))
        {
            if (PointerTarget(Path.GetFullPath(directory)) is { } target)
                throw new InvalidDataException($"checkpoint {directory} points to {target}, which is missing{LastGoodHint(directory)}");
            throw new DirectoryNotFoundException($"checkpoint {directory}: no such directory");
        }
        Checkpoint checkpoint;
        try
        {
            checkpoint = Read(directory);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"checkpoint {directory} is incomplete or corrupt: {e.Message}{LastGoodHint(directory)}", e);
        }
        if (expected is not null && PolicyConfigJson.ArchitectureDifference(checkpoint.Policy, expected) is { } diff)
            throw new InvalidDataException($"checkpoint {directory}: its policy config does not match the expected one (checkpoint vs expected): {diff}");
        return checkpoint;
    }

    /// <summary>
    /// The newest intact checkpoint of a pointer, for resuming: the one it names, else (a crash between writing and
    /// pointing, or a damaged one) the newest intact versioned sibling, with a warning. Null when the pointer has no
    /// checkpoint at all; throws naming every candidate when checkpoints exist and none is intact — never "start over".
    /// </summary>
    public static (Checkpoint Checkpoint, string Directory)? LoadLatest(string pointer)
    {
        var full = Path.GetFullPath(pointer);
        var candidates = new List<string>();
        if (Directory.Exists(full) || PointerTarget(full) is not null) candidates.Add(full);
        candidates.AddRange(Versions(Path.GetDirectoryName(full)!, Path.GetFileName(full)).Where(v => candidates.Count == 0 || ResolveDirectory(full) != v));
        if (candidates.Count == 0) return null;
        var problems = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                if (!Directory.Exists(candidate))
                    throw new InvalidDataException($"it points to {PointerTarget(candidate)}, which is missing");
                var checkpoint = Read(candidate);
                if (problems.Count > 0)
                    Logger.Warning("Checkpoint {Pointer} was not usable ({Problems}); resuming from {Checkpoint}, {Stage} step {Step}",
                        pointer, string.Join("; ", problems), candidate, checkpoint.State.Stage, checkpoint.State.Step);
                return (checkpoint, candidate);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                var label = PointerTarget(candidate) is { } target ? $"{Path.GetFileName(candidate)} → {target}" : Path.GetFileName(candidate);
                problems.Add($"{label}: {e.Message}");
            }
        }
        throw new InvalidDataException($"checkpoint {pointer}: no intact checkpoint to resume from ({string.Join("; ", problems)})");
    }

    /// <summary>Reads and verifies the files of one checkpoint directory; the message says what is wrong, without the directory.</summary>
    private static Checkpoint Read(string directory)
    {
        string Need(string file)
        {
            var p = Path.Combine(directory, file);
            return File.Exists(p) ? p : throw new InvalidDataException($"{file} is missing");
        }
        CheckpointState state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllBytes(Need(StateFile)), StateOptions)
                    ?? throw new InvalidDataException($"{StateFile} is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{StateFile} is malformed: {e.Message}", e);
        }
        if (state.Format != CheckpointState.CurrentFormat)
            throw new InvalidDataException($"{StateFile} has format '{state.Format}', expected '{CheckpointState.CurrentFormat}'");
        byte[] Verified(string file)
        {
            var bytes = File.ReadAllBytes(Need(file));
            if (!state.Sha256.TryGetValue(file, out var want))
                throw new InvalidDataException($"{StateFile} has no sha256 for {file}");
            var got = Sha256Hex(bytes);
            if (!string.Equals(got, want, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{file} is corrupted (sha256 {got[..12]}…, {StateFile} says {want[..Math.Min(12, want.Length)]}…)");
            return bytes;
        }
        var weights = Verified(WeightsFile);
        var optimizer = state.Sha256.ContainsKey(OptimizerFile) ? Verified(OptimizerFile) : null;
        var configBytes = Verified(ConfigFile);
        try
        {
            var config = JsonNode.Parse(configBytes) as JsonObject ?? throw new InvalidDataException($"{ConfigFile} is not a JSON object");
            var policy = PolicyConfigJson.FromNode(config["policy"] ?? throw new InvalidDataException($"{ConfigFile} has no \"policy\""));
            return new Checkpoint(policy, config["training"]?.DeepClone(), weights, optimizer, state);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"{ConfigFile}: {e.Message}", e);
        }
    }

    // ---- versioned directories beside a pointer -----------------------------------------------------------------

    private static string VersionName(string pointer, string stage, long step)
    {
        var safe = new string(stage.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
        return $"{pointer}-{(safe.Length == 0 ? "state" : safe)}-{step:D6}";
    }

    /// <summary>The checkpoint directories written for a pointer (and the old writer's aside copies), newest first.</summary>
    private static IReadOnlyList<string> Versions(string parent, string pointer)
    {
        if (!Directory.Exists(parent)) return [];
        var ours = new Regex($"^(?:{Regex.Escape(pointer)}-[a-z0-9_]+-\\d{{6}}(?:\\.\\d+)?|\\.{Regex.Escape(pointer)}\\.old-[0-9a-f]+)$");
        return new DirectoryInfo(parent).EnumerateDirectories()
            .Where(d => d.LinkTarget is null && ours.IsMatch(d.Name))
            .OrderByDescending(d => File.Exists(Path.Combine(d.FullName, StateFile)) ? File.GetLastWriteTimeUtc(Path.Combine(d.FullName, StateFile)) : d.LastWriteTimeUtc)
            .Select(d => d.FullName)
            .ToList();
    }

    /// <summary>What a pointer names (its link target), or null when it is no link.</summary>
    private static string? PointerTarget(string fullPath) => new FileInfo(fullPath).LinkTarget;

    private static string ResolveDirectory(string fullPath) =>
        PointerTarget(fullPath) is { } target ? Path.GetFullPath(target, Path.GetDirectoryName(fullPath)!) : fullPath;

    /// <summary>" ; the last good checkpoint is …" for an error message, from the siblings of a failed checkpoint.</summary>
    private static string LastGoodHint(string directory)
    {
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var pointer = Regex.Match(name, "^(.+)-[a-z0-9_]+-\\d{6}(?:\\.\\d+)?$") is { Success: true } m ? m.Groups[1].Value : name;
        var failed = ResolveDirectory(full);
        foreach (var v in Versions(parent, pointer).Where(v => v != failed))
        {
            try
            {
                var c = Read(v);
                return $"; the last good checkpoint is {v} ({c.State.Stage} step {c.State.Step})";
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
            }
        }
        return "; no other intact checkpoint is beside it";
    }

    /// <summary>A pointer that is still a real directory (written before versioned checkpoints) moves to a versioned name.</summary>
    private static void MoveLegacyDirectoryAside(string full)
    {
        if (!Directory.Exists(full) || PointerTarget(full) is not null) return;
        var parent = Path.GetDirectoryName(full)!;
        string target;
        try
        {
            var state = Read(full).State;
            target = Path.Combine(parent, VersionName(Path.GetFileName(full), state.Stage, state.Step));
        }
        catch (InvalidDataException)
        {
            target = Path.Combine(parent, $".{Path.GetFileName(full)}.old-{Guid.NewGuid():N}");
        }
        if (Directory.Exists(target)) target = Path.Combine(parent, $".{Path.GetFileName(full)}.old-{Guid.NewGuid():N}");
        DurableFiles.Move(full, target);
    }

    private static void RemoveTemporaries(string parent, string name)
    {
        foreach (var d in Directory.EnumerateDirectories(parent, $".{name}.tmp-*")) Directory.Delete(d, recursive: true);
        foreach (var f in Directory.EnumerateFileSystemEntries(parent, $".{name}.link-*")) File.Delete(f);
    }

    private static void Prune(string parent, string name, string current, int keep)
    {
        var currentPath = Path.Combine(parent, current);
        foreach (var old in Versions(parent, name).Where(v => v != currentPath).Skip(keep - 1))
            Directory.Delete(old, recursive: true);
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
