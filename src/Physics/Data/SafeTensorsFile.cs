using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RiptOrleans.Physics.Data;

/// <summary>Element types of the safetensors format, by their names in the file header.</summary>
public enum SafeTensorDType
{
    F64,
    F32,
    BF16,
    I64,
    I32,
    U8,
    BOOL,
}

/// <summary>One named array of a safetensors file: element type, shape and little-endian bytes.</summary>
public sealed record SafeTensor(SafeTensorDType DType, long[] Shape, ReadOnlyMemory<byte> Bytes)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public static int ElementSize(SafeTensorDType t) => t switch
    {
        SafeTensorDType.F64 or SafeTensorDType.I64 => 8,
        SafeTensorDType.F32 or SafeTensorDType.I32 => 4,
        SafeTensorDType.BF16 => 2,
        _ => 1,
    };

    public static SafeTensor From(float[] values, params long[] shape) => new(SafeTensorDType.F32, Check(shape, values.Length), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
    public static SafeTensor From(double[] values, params long[] shape) => new(SafeTensorDType.F64, Check(shape, values.Length), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
    public static SafeTensor From(byte[] values, params long[] shape) => new(SafeTensorDType.U8, Check(shape, values.Length), values);

    public float[] ToFloats() => Read<float>(SafeTensorDType.F32);
    public double[] ToDoubles() => Read<double>(SafeTensorDType.F64);
    public byte[] ToBytes() => Read<byte>(SafeTensorDType.U8);

    private T[] Read<T>(SafeTensorDType expected) where T : unmanaged
    {
        if (DType != expected)
            throw new InvalidDataException($"tensor holds {DType}, not {expected}");
        return MemoryMarshal.Cast<byte, T>(Bytes.Span).ToArray();
    }

    private static long[] Check(long[] shape, int count)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        if (n != count)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {n} elements, the data has {count}");
        return shape;
    }
}

/// <summary>
/// A safetensors file in memory (an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape
/// and byte range, an optional "__metadata__" string map, then the raw data), so Python users can open our files.
/// </summary>
public sealed class SafeTensorsFile
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100_000_000;

    public Dictionary<string, SafeTensor> Tensors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>The tensor named <paramref name="name"/>; a missing one is named in the error with what exists.</summary>
    public SafeTensor this[string name] => Tensors.TryGetValue(name, out var t)
        ? t
        : throw new KeyNotFoundException($"no tensor '{name}'; the file has: {string.Join(", ", Tensors.Keys.Take(20))}{(Tensors.Count > 20 ? ", ..." : "")}");

    /// <summary>A metadata value; a missing key is named in the error.</summary>
    public string Meta(string key) => Metadata.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"no metadata '{key}'");

    public byte[] Serialize()
    {
        var header = new JsonObject();
        if (Metadata.Count > 0)
        {
            var meta = new JsonObject();
            foreach (var (k, v) in Metadata) meta[k] = v;
            header[MetadataKey] = meta;
        }
        long offset = 0;
        foreach (var (name, t) in Tensors)
        {
            header[name] = new JsonObject
            {
                ["dtype"] = t.DType.ToString(),
                ["shape"] = new JsonArray(t.Shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + t.Bytes.Length),
            };
            offset += t.Bytes.Length;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8; // data starts 8-byte aligned
        var bytes = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        json.CopyTo(bytes, 8);
        bytes.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        var at = 8 + padded;
        foreach (var t in Tensors.Values)
        {
            t.Bytes.Span.CopyTo(bytes.AsSpan(at));
            at += t.Bytes.Length;
        }
        return bytes;
    }

    /// <summary>Writes atomically (temporary file, then rename), so a crash never leaves half a file.</summary>
    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(tmp, Serialize());
        File.Move(tmp, path, overwrite: true);
    }

    public static SafeTensorsFile Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"no safetensors file at {path}", path);
        return Deserialize(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses and validates a whole file; errors name <paramref name="source"/> and what is wrong.</summary>
    public static SafeTensorsFile Deserialize(byte[] bytes, string source = "<bytes>")
    {
        if (bytes.Length < 8)
            throw new InvalidDataException($"{source}: {bytes.Length} bytes is too short for a safetensors file");
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > bytes.Length)
            throw new InvalidDataException($"{source}: header length {headerLength} does not fit the file's {bytes.Length} bytes");
        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength)) as JsonObject
                ?? throw new InvalidDataException($"{source}: the header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the header is not valid JSON: {e.Message}", e);
        }
        var file = new SafeTensorsFile();
        var data = bytes.AsMemory((int)(8 + headerLength));
        foreach (var (name, node) in header)
        {
            if (name == MetadataKey)
            {
                foreach (var (k, v) in node!.AsObject())
                    file.Metadata[k] = v!.GetValue<string>();
                continue;
            }
            try
            {
                var o = node!.AsObject();
                var dtype = Enum.Parse<SafeTensorDType>(o["dtype"]!.GetValue<string>());
                var shape = o["shape"]!.AsArray().Select(s => s!.GetValue<long>()).ToArray();
                var offsets = o["data_offsets"]!.AsArray().Select(s => s!.GetValue<long>()).ToArray();
                var (begin, end) = (offsets[0], offsets[1]);
                var expected = shape.Aggregate(1L, (a, b) => a * b) * SafeTensor.ElementSize(dtype);
                if (begin < 0 || end > data.Length || end - begin != expected)
                    throw new InvalidDataException($"byte range [{begin}, {end}) does not hold {dtype}[{string.Join(", ", shape)}] inside {data.Length} data bytes");
                file.Tensors[name] = new SafeTensor(dtype, shape, data.Slice((int)begin, (int)(end - begin)));
            }
            catch (Exception e) when (e is not InvalidDataException)
            {
                throw new InvalidDataException($"{source}: tensor '{name}' has a malformed header entry: {e.Message}", e);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{source}: tensor '{name}': {e.Message}", e);
            }
        }
        return file;
    }
}
