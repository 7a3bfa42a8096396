using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace RiptOrleans.Learner.Torch;

/// <summary>The contents of one safetensors file: tensors by name (file order) and string metadata.</summary>
public sealed record SafeTensorFile(IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyList<string> Names, IReadOnlyDictionary<string, string> Metadata) : IDisposable
{
    public void Dispose()
    {
        foreach (var t in Tensors.Values) t.Dispose();
    }
}

/// <summary>
/// The safetensors codec (DESIGN §5): 8-byte little-endian header length, a JSON header
/// {name: {dtype, shape, data_offsets}} with an optional "__metadata__" string map, padded with
/// spaces to 8 bytes, then the raw little-endian data. Files open in Python's safetensors.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>safetensors dtype string of a dtype.</summary>
    public static string DTypeName(DType dtype) => dtype switch
    {
        DType.Float32 => "F32",
        DType.Float64 => "F64",
        DType.BFloat16 => "BF16",
        DType.Float16 => "F16",
        DType.Int64 => "I64",
        DType.Int32 => "I32",
        DType.UInt8 => "U8",
        DType.Bool => "BOOL",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "no safetensors name"),
    };

    private static DType ParseDType(string name, string key) => name switch
    {
        "F32" => DType.Float32,
        "F64" => DType.Float64,
        "BF16" => DType.BFloat16,
        "F16" => DType.Float16,
        "I64" => DType.Int64,
        "I32" => DType.Int32,
        "U8" => DType.UInt8,
        "BOOL" => DType.Bool,
        _ => throw new InvalidDataException($"safetensors key '{key}': unsupported dtype '{name}'"),
    };

    /// <summary>Encodes tensors (in the given order) and metadata to safetensors bytes.</summary>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors data is little-endian");
        var blobs = new List<(string Name, DType DType, long[] Shape, byte[] Data)>();
        var seen = new HashSet<string>();
        foreach (var (name, t) in tensors)
        {
            if (name == MetadataKey || !seen.Add(name)) throw new ArgumentException($"tensor name '{name}' is reserved or repeated");
            blobs.Add((name, t.DType, t.Shape, t.ToBytes()));
        }

        using var headerStream = new MemoryStream();
        using (var w = new Utf8JsonWriter(headerStream))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata) w.WriteString(k, v);
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var b in blobs)
            {
                w.WriteStartObject(b.Name);
                w.WriteString("dtype", DTypeName(b.DType));
                w.WriteStartArray("shape");
                foreach (var d in b.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + b.Data.Length);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += b.Data.Length;
            }
            w.WriteEndObject();
        }
        var header = headerStream.ToArray();
        var padded = (header.Length + 7) / 8 * 8;
        var total = 8 + padded + blobs.Sum(b => (long)b.Data.Length);
        var result = new byte[checked((int)total)];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)padded);
        header.CopyTo(result, 8);
        result.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        var pos = 8 + padded;
        foreach (var b in blobs)
        {
            b.Data.CopyTo(result, pos);
            pos += b.Data.Length;
        }
        return result;
    }

    /// <summary>Writes tensors and metadata to path atomically (temp file in the same folder + rename).</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var bytes = Serialize(tensors, metadata);
        var full = Path.GetFullPath(path);
        var tmp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, full, overwrite: true);
    }

    /// <summary>Reads a safetensors file into new CPU tensors (owned by the result, or by the current scope).</summary>
    public static SafeTensorFile Load(string path)
    {
        try
        {
            return Deserialize(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Decodes safetensors bytes; malformed input throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static SafeTensorFile Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8) throw new InvalidDataException("safetensors data shorter than its 8-byte header length");
        var headerLen = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLen > MaxHeaderBytes || (long)headerLen > bytes.Length - 8)
            throw new InvalidDataException($"safetensors header length {headerLen} exceeds the data ({bytes.Length} bytes)");
        var data = bytes[(8 + (int)headerLen)..];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes.Slice(8, (int)headerLen)).TrimEnd(' ', '\0'));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"safetensors header is not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidDataException("safetensors header is not a JSON object");
            var tensors = new Dictionary<string, Tensor>();
            var names = new List<string>();
            var metadata = new Dictionary<string, string>();
            try
            {
                foreach (var prop in doc.RootElement.EnumerateObject())
                {
                    if (prop.Name == MetadataKey)
                    {
                        foreach (var m in prop.Value.EnumerateObject())
                            metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()! : throw new InvalidDataException($"safetensors metadata '{m.Name}' is not a string");
                        continue;
                    }
                    var e = prop.Value;
                    if (!e.TryGetProperty("dtype", out var dt) || !e.TryGetProperty("shape", out var sh) || !e.TryGetProperty("data_offsets", out var off))
                        throw new InvalidDataException($"safetensors key '{prop.Name}' lacks dtype, shape or data_offsets");
                    var dtype = ParseDType(dt.GetString() ?? "", prop.Name);
                    var shape = sh.EnumerateArray().Select(x => x.GetInt64()).ToArray();
                    var offsets = off.EnumerateArray().Select(x => x.GetInt64()).ToArray();
                    if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > data.Length)
                        throw new InvalidDataException($"safetensors key '{prop.Name}': data_offsets [{string.Join(", ", offsets)}] outside the {data.Length} data bytes");
                    var n = shape.Aggregate(1L, (a, b) => a * b);
                    if (shape.Any(d => d < 0) || n * dtype.ElementSize() != offsets[1] - offsets[0])
                        throw new InvalidDataException($"safetensors key '{prop.Name}': shape [{string.Join(", ", shape)}] of {dtype} does not match {offsets[1] - offsets[0]} data bytes");
                    var t = Tensor.FromBytes(data[(int)offsets[0]..(int)offsets[1]], shape, dtype);
                    tensors[prop.Name] = t;
                    names.Add(prop.Name);
                }
            }
            catch (Exception e) when (e is not InvalidDataException)
            {
                foreach (var t in tensors.Values) t.Dispose();
                throw new InvalidDataException($"safetensors header is malformed: {e.Message}", e);
            }
            catch
            {
                foreach (var t in tensors.Values) t.Dispose();
                throw;
            }
            return new SafeTensorFile(tensors, names, metadata);
        }
    }
}
