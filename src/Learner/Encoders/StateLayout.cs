using System.Runtime.CompilerServices;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// One policy's state layout. With named fields (<see cref="PolicyConfig.StateFields"/>) an observation's state is
/// gathered field by field by name: a field the task lacks reads 0 with its presence flag off, a task field the policy
/// does not read is left out (a proprio-only policy never sees object poses). Without names (older policies) a state is
/// taken as is, zero-padded to StateDim.
/// </summary>
public sealed class StateLayout
{
    private readonly IReadOnlyList<StateField>? _fields;
    private readonly int[] _fieldOfEntry;
    private readonly ConditionalWeakTable<object, int[]> _maps = new();

    public StateLayout(PolicyConfig config)
    {
        _fields = config.StateFields;
        Size = config.StateDim;
        _fieldOfEntry = new int[Size];
        if (_fields is null) return;
        var e = 0;
        for (var f = 0; f < _fields.Count; f++)
            for (var k = 0; k < _fields[f].Size; k++)
                _fieldOfEntry[e++] = f;
    }

    /// <summary>State entries the policy reads (StateDim).</summary>
    public int Size { get; }

    /// <summary>Presence flags per observation: one per named field, none for an unnamed layout.</summary>
    public int FieldCount => _fields?.Count ?? 0;

    /// <summary>The index of the named field each entry belongs to (all 0 for an unnamed layout).</summary>
    public IReadOnlyList<int> FieldOfEntry => _fieldOfEntry;

    /// <summary>The named fields, or null for an unnamed layout.</summary>
    public IReadOnlyList<StateField>? Fields => _fields;

    /// <summary>
    /// Writes an observation's state in this layout into values (Size) and its presence flags into present (FieldCount);
    /// entries of missing fields stay 0. A state that cannot be mapped is refused naming observation <paramref name="index"/>.
    /// </summary>
    public void Map(PolicyObservation o, int index, Span<float> values, Span<float> present)
    {
        if (_fields is null)
        {
            if (o.State.Length > Size)
                throw new ArgumentException($"observation {index} has {o.State.Length} state entries, the policy reads StateDim = {Size}");
            o.State.CopyTo(values);
            return;
        }
        if (o.Fields is null)
        {
            if (o.State.Length != Size)
                throw new ArgumentException($"observation {index} has {o.State.Length} state entries and no field names; the policy reads StateDim = {Size} " +
                    $"entries of fields [{string.Join(", ", _fields.Select(f => f.Name))}]: pass the task's observation fields");
            o.State.CopyTo(values);
            present.Fill(1f);
            return;
        }
        var map = _maps.GetValue(o.Fields, fields => BuildMap((IReadOnlyList<(string Name, int Size)>)fields));
        var state = o.State;
        if (map.Length > 0 && state.Length < MinimumLength(o.Fields))
            throw new ArgumentException($"observation {index} has {state.Length} state entries, its fields [{string.Join(", ", o.Fields.Select(f => $"{f.Name}:{f.Size}"))}] need {MinimumLength(o.Fields)}");
        for (var i = 0; i < Size; i++)
        {
            var src = map[i];
            if (src < 0) continue;
            values[i] = state[src];
            present[_fieldOfEntry[i]] = 1f;
        }
    }

    /// <summary>Names of this layout's fields an observation with these fields lacks (a pretrained policy on a new task).</summary>
    public IReadOnlyList<string> Missing(IReadOnlyList<(string Name, int Size)> fields) =>
        _fields is null ? [] : _fields.Where(f => !fields.Any(o => o.Name == f.Name)).Select(f => f.Name).ToList();

    private static int MinimumLength(IReadOnlyList<(string Name, int Size)> fields) => fields.Sum(f => f.Size);

    /// <summary>For each of this layout's entries, its offset in a state with these fields, or −1 when the field is absent.</summary>
    private int[] BuildMap(IReadOnlyList<(string Name, int Size)> fields)
    {
        var offsets = new Dictionary<string, (int Offset, int Size)>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var (name, size) in fields)
        {
            offsets.TryAdd(name, (offset, size));
            offset += size;
        }
        var map = new int[Size];
        var e = 0;
        foreach (var f in _fields!)
        {
            var found = offsets.TryGetValue(f.Name, out var at);
            if (found && at.Size != f.Size)
                throw new ArgumentException($"state field '{f.Name}' has {at.Size} entries in the observation, the policy reads {f.Size}");
            for (var k = 0; k < f.Size; k++)
                map[e++] = found ? at.Offset + k : -1;
        }
        return map;
    }
}
