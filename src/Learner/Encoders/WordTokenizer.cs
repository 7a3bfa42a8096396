using System.Text.Json;
using System.Text.RegularExpressions;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// One word vocabulary built from training instructions: lower-case words (letters, digits, apostrophes),
/// ids 0 = &lt;pad&gt;, 1 = &lt;unk&gt;, then the words in sorted order. Saved with the weights as JSON.
/// </summary>
public sealed partial class WordTokenizer
{
    public const string Pad = "<pad>";
    public const string Unknown = "<unk>";
    public const long PadId = 0;
    public const long UnknownId = 1;

    private readonly Dictionary<string, long> _ids;

    /// <summary>Ids of instructions already encoded: a suite has a handful, and every batch row encodes one.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> _encoded = new(StringComparer.Ordinal);

    private WordTokenizer(IReadOnlyList<string> vocabulary)
    {
        if (vocabulary.Count < 2 || vocabulary[0] != Pad || vocabulary[1] != Unknown)
            throw new InvalidDataException($"a word vocabulary starts with {Pad}, {Unknown}; got [{string.Join(", ", vocabulary.Take(3))}]");
        Vocabulary = vocabulary;
        _ids = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
            if (!_ids.TryAdd(vocabulary[i], i))
                throw new InvalidDataException($"word '{vocabulary[i]}' appears twice in the vocabulary");
    }

    /// <summary>Every token, by id.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    public int Count => Vocabulary.Count;

    /// <summary>The vocabulary of the words of these instructions.</summary>
    public static WordTokenizer Build(IEnumerable<string> instructions)
        => new([Pad, Unknown, .. instructions.SelectMany(Words).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    /// <summary>Lower-case words of a text.</summary>
    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    /// <summary>Token ids of a text; words outside the vocabulary map to &lt;unk&gt;; an empty text gives [&lt;unk&gt;].</summary>
    public long[] Encode(string text) => (long[])_encoded.GetOrAdd(text, t =>
    {
        var ids = Words(t).Select(w => _ids.GetValueOrDefault(w, UnknownId)).ToArray();
        return ids.Length == 0 ? [UnknownId] : ids;
    }).Clone();

    public string ToJson() => JsonSerializer.Serialize(Vocabulary);

    public static WordTokenizer FromJson(string json)
        => new(JsonSerializer.Deserialize<string[]>(json) ?? throw new InvalidDataException("word vocabulary JSON is null"));

    [GeneratedRegex("[a-z0-9']+")]
    private static partial Regex WordPattern();
}
