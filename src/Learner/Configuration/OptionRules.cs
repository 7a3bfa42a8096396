using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace RiptOrleans.Learner.Configuration;

/// <summary>
/// The options an options record declares (<see cref="OptionAttribute"/>, groups flattened) and the validation derived from
/// them: every number finite and inside its declared range, every non-empty string non-empty. Messages name the section, the
/// JSON key and the flag: "train.learning_rate must be in (0, 1], got 1E+30 (--lr)".
/// </summary>
public static class OptionRules
{
    /// <summary>One declared option: its property, declaration, and the group property that holds it (null: the record itself).</summary>
    public sealed record Declared(PropertyInfo Property, OptionAttribute Option, PropertyInfo? Group)
    {
        public string JsonKey => ToJsonKey(Property);
        public string Flag => Option.Flag ?? "--" + JsonNamingPolicy.KebabCaseLower.ConvertName(Property.Name);

        public object? ValueIn(object options) => Property.GetValue(Group is null ? options : Group.GetValue(options));

        /// <summary>"in (0, 1]", "≥ 1", "> 0": the declared range in words; null when unbounded.</summary>
        public string? Range
        {
            get
            {
                var o = Option;
                var hasMin = !double.IsNegativeInfinity(o.Min);
                var hasMax = !double.IsPositiveInfinity(o.Max);
                if (hasMin && hasMax) return $"in {(o.MinExclusive ? "(" : "[")}{Format(o.Min)}, {Format(o.Max)}{(o.MaxExclusive ? ")" : "]")}";
                if (hasMin) return $"{(o.MinExclusive ? ">" : "≥")} {Format(o.Min)}";
                if (hasMax) return $"{(o.MaxExclusive ? "<" : "≤")} {Format(o.Max)}";
                return null;
            }
        }
    }

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Declared>> Cache = new();

    /// <summary>Every option of <paramref name="type"/>, its groups' options in place of the group property.</summary>
    public static IReadOnlyList<Declared> Of(Type type) => Cache.GetOrAdd(type, t =>
    {
        var list = new List<Declared>();
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetCustomAttribute<OptionGroupAttribute>() is not null)
                list.AddRange(Of(p.PropertyType).Select(d => d.Group is null ? d with { Group = p } : throw new InvalidOperationException($"{t.Name}.{p.Name}: groups do not nest")));
            else if (p.GetCustomAttribute<OptionAttribute>() is { } option)
                list.Add(new Declared(p, option, null));
        }
        return list;
    });

    /// <summary>Public settable properties of <paramref name="type"/> that declare no option: an options record should have none.</summary>
    public static IReadOnlyList<string> Undeclared(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true } && p.GetCustomAttribute<OptionAttribute>() is null && p.GetCustomAttribute<OptionGroupAttribute>() is null)
        .Select(p => $"{type.Name}.{p.Name}").ToList();

    public static string ToJsonKey(PropertyInfo property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);

    /// <summary>Every declared option of <paramref name="options"/> that is not finite, out of range or empty, as one message each.</summary>
    public static List<string> Validate(object options, string section)
    {
        var errors = new List<string>();
        foreach (var d in Of(options.GetType()))
        {
            var name = $"{section}.{d.JsonKey}";
            var flag = d.Option.ConfigOnly ? "" : $" ({d.Flag})";
            switch (d.ValueIn(options))
            {
                case null:
                    break;
                case string s:
                    if (d.Option.NonEmpty && string.IsNullOrWhiteSpace(s)) errors.Add($"{name} must not be empty{flag}");
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry e in dictionary)
                        if (Problem(d, e.Value) is { } problem) errors.Add($"{name}.{e.Key} must be {problem}, got {Format(e.Value)}{flag}");
                    break;
                case IEnumerable list and not string:
                    foreach (var item in list)
                        if (Problem(d, item) is { } problem) errors.Add($"{name} entries must be {problem}, got {Format(item)}{flag}");
                    break;
                case var value:
                    if (Problem(d, value) is { } p) errors.Add($"{name} must be {p}, got {Format(value)}{flag}");
                    break;
            }
        }
        return errors;
    }

    /// <summary>What a number breaks ("a finite number", "in (0, 1]"); null when it is fine or not a number.</summary>
    private static string? Problem(Declared d, object? value)
    {
        if (value is null || !IsNumber(value)) return null;
        var x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var range = d.Range;
        if (!double.IsFinite(x)) return range is null ? "a finite number" : $"a finite number {range}";
        var o = d.Option;
        var ok = (o.MinExclusive ? x > o.Min : x >= o.Min) && (o.MaxExclusive ? x < o.Max : x <= o.Max);
        return ok ? null : range;
    }

    private static bool IsNumber(object value) => value is double or float or int or long or ulong or uint or short or decimal;

    public static string Format(object? value) => value switch
    {
        null => "nothing",
        double x => x.ToString("G", CultureInfo.InvariantCulture),
        float x => x.ToString("G", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
