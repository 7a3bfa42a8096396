using System.Text.Json;
using System.Text.Json.Nodes;

namespace RiptOrleans.Learner.Configuration;

/// <summary>
/// Options records from their defaults, overridden by a JSON file (snake_case keys), then by RIPT_&lt;SECTION&gt;_&lt;KEY&gt;
/// environment variables (values are JSON, or a bare string); command-line flags go on top. Errors name the source.
/// </summary>
public static class JsonConfig
{
    public static T Load<T>(string? path, string section, JsonSerializerOptions json, IReadOnlyDictionary<string, string>? environment = null) where T : new()
    {
        var prefix = $"RIPT_{section.ToUpperInvariant()}_";
        var source = path ?? "defaults";
        try
        {
            if (path is not null && !File.Exists(path))
                throw new FileNotFoundException($"config file not found: {path}", path);
            var node = path is null ? new JsonObject() : JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidDataException($"{path}: the config must be a JSON object");
            foreach (var (name, value) in environment ?? Environment(section))
            {
                if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                JsonNode? v;
                try
                {
                    v = JsonNode.Parse(value);
                }
                catch (JsonException)
                {
                    v = JsonValue.Create(value);
                }
                node[name[prefix.Length..].ToLowerInvariant()] = v;
                source = $"{source} + {name}";
            }
            Nest(node, typeof(T));
            return node.Deserialize<T>(json) ?? throw new InvalidDataException($"{source}: the config is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>Moves the flat keys of every option group (<see cref="OptionGroupAttribute"/>) into the group's object, where the record keeps them.</summary>
    private static void Nest(JsonObject node, Type type)
    {
        foreach (var group in type.GetProperties().Where(p => p.GetCustomAttributes(typeof(OptionGroupAttribute), false).Length > 0))
        {
            var key = OptionRules.ToJsonKey(group);
            var nested = node[key] as JsonObject ?? new JsonObject();
            node.Remove(key);
            foreach (var member in group.PropertyType.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(OptionRules.ToJsonKey))
            {
                if (!node.ContainsKey(member)) continue;
                var value = node[member];
                node.Remove(member);
                nested[member] = value;
            }
            node[key] = nested;
        }
    }

    /// <summary>The process's RIPT_&lt;SECTION&gt;_* environment variables.</summary>
    public static IReadOnlyDictionary<string, string> Environment(string section)
    {
        var prefix = $"RIPT_{section.ToUpperInvariant()}_";
        return System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => e.Key.ToString()!.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? "");
    }
}
