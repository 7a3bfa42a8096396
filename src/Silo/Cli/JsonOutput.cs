using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiptOrleans.Silo.Cli;

/// <summary>The one JSON object a `--json` command prints as the last line of stdout (DESIGN §4).</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static void Print<T>(T value) => Console.Out.WriteLine(Serialize(value));
}
