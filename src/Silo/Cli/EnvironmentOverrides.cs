using System.Text.Json;
using System.Text.Json.Nodes;

namespace RiptOrleans.Silo.Cli;

/// <summary>Applies RIPT_&lt;SECTION&gt;_&lt;FIELD&gt; environment variables to an options record through its snake_case JSON form.</summary>
internal static class EnvironmentOverrides
{
    /// <summary>E.g. section "train" and field "batch_size" read RIPT_TRAIN_BATCH_SIZE; values parse as JSON, else as strings.</summary>
    public static T Apply<T>(T options, string section, JsonSerializerOptions json)
    {
        var node = JsonSerializer.SerializeToNode(options, json)!.AsObject();
        var prefix = $"RIPT_{section.ToUpperInvariant()}_";
        var changed = false;
        foreach (var key in node.Select(kv => kv.Key).ToList())
        {
            var value = Environment.GetEnvironmentVariable(prefix + key.ToUpperInvariant());
            if (value is null) continue;
            try
            {
                node[key] = JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                node[key] = value;
            }
            changed = true;
        }
        if (!changed) return options;
        try
        {
            return node.Deserialize<T>(json)!;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{prefix}* environment override does not fit {section}: {e.Message}", e);
        }
    }
}
