namespace RiptOrleans.Learner.Configuration;

/// <summary>
/// Declares one option of an options record, once: the property gives its name, type and default; this attribute gives
/// its help text and range. Derived from it: the command-line flag (--kebab-case of the property unless <see cref="Flag"/>
/// says otherwise), the JSON key (snake_case of the property), the RIPT_&lt;SECTION&gt;_&lt;KEY&gt; environment variable and the
/// validation (every number finite and inside its range) — see <see cref="OptionRules"/> and the CLI's binder.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionAttribute(string help) : Attribute
{
    public string Help { get; } = help;

    /// <summary>The flag when it is not --kebab-case of the property (e.g. "--lr" for LearningRate); null: derived.</summary>
    public string? Flag { get; init; }

    /// <summary>A short alias such as "-o".</summary>
    public string? Alias { get; init; }

    /// <summary>Only in the config file and the environment (no flag): knobs few people touch.</summary>
    public bool ConfigOnly { get; init; }

    /// <summary>Smallest allowed value (numbers; counts of a list's entries are not checked).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value.</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>The value must be strictly above <see cref="Min"/>.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>The value must be strictly below <see cref="Max"/>.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>A string that must not be empty when set (paths, names).</summary>
    public bool NonEmpty { get; init; }

    /// <summary>
    /// Property whose configured value a flag for this one replaces (a --task flag clears a configured suite and vice versa);
    /// null: none.
    /// </summary>
    public string? Replaces { get; init; }
}
