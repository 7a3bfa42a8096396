namespace RiptOrleans.Physics.Tasks;

/// <summary>The layout of a task's state observation: named float fields in order (proprioception, then object poses).</summary>
public sealed class ObservationSpec
{
    private readonly Dictionary<string, (int Offset, int Size)> _fields = new(StringComparer.Ordinal);

    public ObservationSpec(IEnumerable<(string Name, int Size)> fields)
    {
        var offset = 0;
        var list = new List<(string, int)>();
        foreach (var (name, size) in fields)
        {
            if (!_fields.TryAdd(name, (offset, size)))
                throw new ArgumentException($"observation field '{name}' appears twice", nameof(fields));
            list.Add((name, size));
            offset += size;
        }
        Fields = list;
        Size = offset;
    }

    public IReadOnlyList<(string Name, int Size)> Fields { get; }

    /// <summary>Total number of floats.</summary>
    public int Size { get; }

    /// <summary>Offset and size of a field; throws listing the fields when the name is unknown.</summary>
    public (int Offset, int Size) this[string name] =>
        _fields.TryGetValue(name, out var f)
            ? f
            : throw new KeyNotFoundException($"no observation field '{name}'; fields are: {string.Join(", ", _fields.Keys)}");

    public ReadOnlySpan<float> Slice(ReadOnlySpan<float> observation, string name)
    {
        var (o, s) = this[name];
        return observation.Slice(o, s);
    }
}
