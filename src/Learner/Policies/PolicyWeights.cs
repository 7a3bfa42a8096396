using System.Globalization;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>The versioned safetensors form of a policy's weights: its state dict plus metadata (family, version, vocabulary, config).</summary>
public static class PolicyWeights
{
    /// <summary>Version 2: named state fields, action normalisation, residual trunk, mean+max instruction pooling.</summary>
    public const string Format = "riptorleans.policy/2";

    /// <summary>Serialises a policy module's state dict with its family, version, vocabulary and config.</summary>
    public static byte[] Export(Module module, PolicyConfig config, WordTokenizer tokenizer, long version) =>
        module.StateDictToBytes(new Dictionary<string, string>
        {
            ["format"] = Format,
            ["family"] = config.Kind.ToString(),
            ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["vocabulary"] = tokenizer.ToJson(),
            ["config"] = PolicyConfigJson.Serialize(config),
        });

    /// <summary>The metadata of weights bytes (format, family, version, vocabulary, config), checked for the format.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(ReadOnlySpan<byte> weights)
    {
        using var file = SafeTensors.Deserialize(weights);
        var m = file.Metadata;
        if (m.TryGetValue("format", out var old) && old.StartsWith("riptorleans.policy/", StringComparison.Ordinal) && old != Format)
            throw new InvalidDataException($"weights are of policy format '{old}', this version reads '{Format}' (its inputs and heads changed): retrain them with `ript sft`");
        if (!m.TryGetValue("format", out var format) || format != Format)
            throw new InvalidDataException($"weights are not RiptOrleans policy weights (format '{format ?? "missing"}', expected '{Format}')");
        return m;
    }

    /// <summary>Loads weights into a policy module after checking family and vocabulary; shapes are checked key by key. Returns the version.</summary>
    public static long Import(Module module, PolicyConfig config, WordTokenizer tokenizer, ReadOnlySpan<byte> weights)
    {
        var m = ReadMetadata(weights);
        if (m["family"] != config.Kind.ToString())
            throw new InvalidDataException($"weights are of the {m["family"]} family, this policy is {config.Kind}");
        if (m["vocabulary"] != tokenizer.ToJson())
            throw new InvalidDataException($"weights were trained with another instruction vocabulary ({WordTokenizer.FromJson(m["vocabulary"]).Count} words, this policy has {tokenizer.Count})");
        if (m.TryGetValue("config", out var theirs) && PolicyConfigJson.ArchitectureDifference(PolicyConfigJson.Deserialize(theirs), config) is { } diff)
            throw new InvalidDataException($"weights were trained with another policy architecture: {diff}");
        module.LoadStateDictFromBytes(weights);
        return long.Parse(m["version"], CultureInfo.InvariantCulture);
    }
}
