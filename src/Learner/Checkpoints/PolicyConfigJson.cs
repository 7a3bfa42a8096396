using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Checkpoints;

/// <summary>PolicyConfig as JSON (snake_case keys, the log-scale clip as [lo, hi]), validation, and the architecture comparison loads use.</summary>
public static class PolicyConfigJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new RangeConverter() },
    };

    public static string Serialize(PolicyConfig config) => JsonSerializer.Serialize(config, Options);

    public static JsonNode ToNode(PolicyConfig config) => JsonNode.Parse(Serialize(config))!;

    /// <summary>Parses a config; a malformed one is refused naming the problem.</summary>
    public static PolicyConfig Deserialize(string json)
    {
        try
        {
            var c = JsonSerializer.Deserialize<PolicyConfig>(json, Options) ?? throw new InvalidDataException("policy config JSON is null");
            return c with { Cameras = c.Cameras ?? [] };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"policy config JSON is malformed: {e.Message}", e);
        }
    }

    public static PolicyConfig FromNode(JsonNode node) => Deserialize(node.ToJsonString());

    /// <summary>Throws naming the first invalid field ("policy.chunk_length must be ≥ 1, got 0").</summary>
    public static void Validate(PolicyConfig c)
    {
        static void Check(bool ok, string field, object value, string rule)
        {
            if (!ok) throw new ArgumentException($"policy.{field} must be {rule}, got {value}");
        }
        Check(c.StateDim >= 1, "state_dim", c.StateDim, "≥ 1");
        Check(c.ActionDim >= 1, "action_dim", c.ActionDim, "≥ 1");
        Check(c.ChunkLength >= 1, "chunk_length", c.ChunkLength, "≥ 1");
        Check(c.ExecuteSteps >= 1 && c.ExecuteSteps <= c.ChunkLength, "execute_steps", c.ExecuteSteps, $"in [1, chunk_length = {c.ChunkLength}]");
        Check(c.ImageSize is >= 16 and <= 512, "image_size", c.ImageSize, "in [16, 512]");
        Check(c.DModel >= 8, "d_model", c.DModel, "≥ 8");
        Check(c.Layers >= 1, "layers", c.Layers, "≥ 1");
        Check(c.Heads >= 1 && c.DModel % c.Heads == 0, "heads", c.Heads, $"≥ 1 and divide d_model = {c.DModel}");
        Check(c.Dropout is >= 0 and < 1, "dropout", c.Dropout, "in [0, 1)");
        Check(c.TokensPerChunk >= 1, "tokens_per_chunk", c.TokensPerChunk, "≥ 1");
        Check(c.FsqLevels.Count >= 1 && c.FsqLevels.All(l => l >= 2), "fsq_levels", $"[{string.Join(", ", c.FsqLevels)}]", "non-empty with every level ≥ 2");
        Check(c.TopK >= 0, "top_k", c.TopK, "≥ 0 (0 = full softmax)");
        Check(c.Temperature > 0, "temperature", c.Temperature, "> 0");
        Check(c.LogScaleClip.Lo < c.LogScaleClip.Hi, "log_scale_clip", $"[{c.LogScaleClip.Lo}, {c.LogScaleClip.Hi}]", "an interval [lo, hi] with lo < hi");
        Check(c.Cameras.Distinct().Count() == c.Cameras.Count, "cameras", $"[{string.Join(", ", c.Cameras)}]", "distinct");
        if (c.StateFields is { } fields)
        {
            Check(fields.All(f => !string.IsNullOrEmpty(f.Name) && f.Size >= 1), "state_fields", Fields(fields), "named fields of size ≥ 1");
            Check(fields.Select(f => f.Name).Distinct().Count() == fields.Count, "state_fields", Fields(fields), "distinct names");
            Check(fields.Sum(f => f.Size) == c.StateDim, "state_fields", Fields(fields), $"fields whose sizes sum to state_dim = {c.StateDim}");
        }
    }

    private static string Fields(IEnumerable<StateField> fields) => $"[{string.Join(", ", fields.Select(f => $"{f.Name}:{f.Size}"))}]";

    /// <summary>
    /// The fields that shape the weights and differ between two configs ("chunk_length: 8 vs 16"), or null when the
    /// architectures match. Sampling knobs (execute_steps, temperature, top_k, dropout, log_scale_clip) may differ.
    /// </summary>
    public static string? ArchitectureDifference(PolicyConfig a, PolicyConfig b)
    {
        var diffs = new List<string>();
        void Cmp(string field, object x, object y)
        {
            if (!Equals(x, y)) diffs.Add($"{field}: {x} vs {y}");
        }
        Cmp("kind", a.Kind, b.Kind);
        Cmp("state_dim", a.StateDim, b.StateDim);
        Cmp("action_dim", a.ActionDim, b.ActionDim);
        Cmp("chunk_length", a.ChunkLength, b.ChunkLength);
        Cmp("cameras", string.Join(",", a.Cameras), string.Join(",", b.Cameras));
        Cmp("state_fields", a.StateFields is null ? "by position" : Fields(a.StateFields), b.StateFields is null ? "by position" : Fields(b.StateFields));
        if (a.Cameras.Count > 0 || b.Cameras.Count > 0) Cmp("image_size", a.ImageSize, b.ImageSize);
        Cmp("d_model", a.DModel, b.DModel);
        Cmp("layers", a.Layers, b.Layers);
        Cmp("heads", a.Heads, b.Heads);
        if (a.Kind == PolicyKind.Tokenized && b.Kind == PolicyKind.Tokenized)
        {
            Cmp("tokens_per_chunk", a.TokensPerChunk, b.TokensPerChunk);
            Cmp("fsq_levels", string.Join(",", a.FsqLevels), string.Join(",", b.FsqLevels));
        }
        return diffs.Count == 0 ? null : string.Join("; ", diffs);
    }

    /// <summary>(lo, hi) ↔ [lo, hi].</summary>
    private sealed class RangeConverter : JsonConverter<(double Lo, double Hi)>
    {
        public override (double Lo, double Hi) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var v = JsonSerializer.Deserialize<double[]>(ref reader, options);
            return v is [var lo, var hi] ? (lo, hi) : throw new JsonException("log_scale_clip must be [lo, hi]");
        }

        public override void Write(Utf8JsonWriter writer, (double Lo, double Hi) value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Lo);
            writer.WriteNumberValue(value.Hi);
            writer.WriteEndArray();
        }
    }
}
