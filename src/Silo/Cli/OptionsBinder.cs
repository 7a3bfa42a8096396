using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using RiptOrleans.Learner.Configuration;

namespace RiptOrleans.Silo.Cli;

/// <summary>
/// The one place where an options record meets the command line: from the record's declarations (<see cref="OptionAttribute"/>)
/// it derives a flag per option (help text with range and default) plus --config, and binds defaults, then the JSON file,
/// then RIPT_&lt;SECTION&gt;_&lt;KEY&gt; variables, then the flags the user gave. Adding an option is one declaration in the record.
/// </summary>
internal sealed class OptionsBinder<T> where T : class, new()
{
    private readonly string _section;
    private readonly JsonSerializerOptions _json;
    private readonly List<(OptionRules.Declared Declared, Option Flag)> _flags = [];

    public Option<string> Config { get; }

    public OptionsBinder(string section, JsonSerializerOptions json)
    {
        _section = section;
        _json = json;
        Config = new Option<string>("--config", "-c")
        {
            Description = $"JSON config file ({typeof(T).Name}, snake_case keys); RIPT_{section.ToUpperInvariant()}_<KEY> variables override it, flags override both.",
        };
        var defaults = new T();
        foreach (var d in OptionRules.Of(typeof(T)).Where(d => !d.Option.ConfigOnly))
            _flags.Add((d, CreateFlag(d, d.ValueIn(defaults))));
    }

    /// <summary>--config and every option's flag, in declaration order.</summary>
    public IEnumerable<Option> Options => _flags.Select(f => f.Flag).Prepend(Config);

    public void AddTo(Command command)
    {
        foreach (var o in Options) command.Options.Add(o);
    }

    /// <summary>The flag of a declared property (for tests and messages).</summary>
    public Option FlagOf(string property) => _flags.First(f => f.Declared.Property.Name == property).Flag;

    /// <summary>Defaults, the config file, the environment, then the flags given. Throws InvalidDataException/IOException naming the source.</summary>
    public T Bind(ParseResult parse, IReadOnlyDictionary<string, string>? environment = null)
    {
        var options = JsonConfig.Load<T>(parse.GetValue(Config), _section, _json, environment);
        // Only flags the user typed: System.CommandLine gives a bool option an implicit result (false) when it is absent.
        var given = _flags.Where(f => parse.GetResult(f.Flag) is { Implicit: false }).ToList();
        foreach (var (d, flag) in given)
        {
            options = With(options, d, Value(parse, d, flag));
            if (d.Option.Replaces is { } replaced && !given.Any(g => g.Declared.Property.Name == replaced))
                options = With(options, OptionRules.Of(typeof(T)).First(x => x.Property.Name == replaced), null);
        }
        return options;
    }

    private Option CreateFlag(OptionRules.Declared d, object? defaultValue)
    {
        var type = FlagType(d.Property.PropertyType);
        var aliases = d.Option.Alias is { } alias ? new[] { alias } : [];
        var flag = (Option)Activator.CreateInstance(typeof(Option<>).MakeGenericType(type), d.Flag, aliases)!;
        var help = d.Option.Help.TrimEnd('.');
        var notes = new List<string>();
        if (d.Range is { } range) notes.Add(range);
        if (Describe(defaultValue) is { } shown) notes.Add($"default {shown}");
        flag.Description = notes.Count == 0 ? help + "." : $"{help} ({string.Join("; ", notes)}).";
        if (type.IsArray) flag.AllowMultipleArgumentsPerToken = true;
        return flag;
    }

    /// <summary>The flag's parsed type: nullable scalars (to tell "not given" apart), arrays for lists, name=value strings for maps.</summary>
    private static Type FlagType(Type property)
    {
        if (property == typeof(string) || property == typeof(bool)) return property;
        if (Nullable.GetUnderlyingType(property) is { } inner) return typeof(Nullable<>).MakeGenericType(inner);
        if (property.IsValueType) return typeof(Nullable<>).MakeGenericType(property);
        if (IsMap(property)) return typeof(string[]);
        if (property.IsArray) return property;
        if (property.IsGenericType && property.GetGenericArguments() is [var element]) return element.MakeArrayType();
        throw new InvalidOperationException($"{property.Name}: no flag type for {property}");
    }

    private static bool IsMap(Type t) => t.IsGenericType && t.GetGenericArguments().Length == 2;

    private static readonly MethodInfo GetValueMethod = typeof(ParseResult).GetMethods()
        .Single(m => m is { Name: nameof(ParseResult.GetValue), IsGenericMethodDefinition: true } && m.GetParameters()[0].ParameterType.IsGenericType
            && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(Option<>));

    private static object? Value(ParseResult parse, OptionRules.Declared d, Option flag)
    {
        var value = GetValueMethod.MakeGenericMethod(flag.GetType().GetGenericArguments()[0]).Invoke(parse, [flag]);
        if (IsMap(d.Property.PropertyType) && value is string[] pairs)
            // name=value; a malformed pair becomes NaN, which validation reports with its name.
            return pairs.Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0],
                kv => kv.Length == 2 && double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN);
        return value;
    }

    private static readonly MethodInfo CloneMethod = typeof(T).GetMethod("<Clone>$") ?? throw new InvalidOperationException($"{typeof(T).Name} must be a record");

    /// <summary>A copy of <paramref name="options"/> with one option set (inside its group when it has one).</summary>
    private static T With(T options, OptionRules.Declared d, object? value)
    {
        var copy = (T)CloneMethod.Invoke(options, null)!;
        if (d.Group is null)
        {
            d.Property.SetValue(copy, value);
            return copy;
        }
        var group = d.Group.GetValue(copy)!;
        var groupCopy = group.GetType().GetMethod("<Clone>$")!.Invoke(group, null)!;
        d.Property.SetValue(groupCopy, value);
        d.Group.SetValue(copy, groupCopy);
        return copy;
    }

    private static string? Describe(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        bool b => b ? "true" : "false",
        Enum e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
        System.Collections.IDictionary { Count: 0 } => null,
        System.Collections.IEnumerable list => string.Join(" ", list.Cast<object>().Select(OptionRules.Format)) is { Length: > 0 } s ? s : null,
        _ => OptionRules.Format(value),
    };
}
