using System.Globalization;

namespace RiptOrleans.Silo.Cli;

/// <summary>One benchmark outcome in DESIGN §4's shape: value, its same-run reference, their ratio and details.</summary>
internal sealed record BenchReport(string Bench, double Value, double Reference, string Unit, IReadOnlyDictionary<string, object?> Details)
{
    public double Ratio => Reference == 0 ? double.NaN : Value / Reference;

    /// <summary>Flattens to the JSON object scripts read: bench, value, reference, ratio, unit, then the details.</summary>
    public Dictionary<string, object?> ToJsonObject()
    {
        var o = new Dictionary<string, object?>
        {
            ["bench"] = Bench,
            ["value"] = Value,
            ["reference"] = Reference,
            ["ratio"] = Ratio,
            ["unit"] = Unit,
        };
        foreach (var (k, v) in Details)
            o[k] = v;
        return o;
    }

    /// <summary>Prints the human summary, or the JSON object as the last line when asked.</summary>
    public int Print(bool json)
    {
        if (json)
        {
            JsonOutput.Print(ToJsonObject());
            return 0;
        }
        var c = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Format(c, "bench {0}: {1:F1} {2} vs reference {3:F1} {2} (ratio {4:F3})", Bench, Value, Unit, Reference, Ratio));
        foreach (var (k, v) in Details)
            Console.Out.WriteLine(string.Format(c, "  {0}: {1}", k, v is double d ? d.ToString("G6", c) : JsonOutput.Serialize(v)));
        return 0;
    }
}
