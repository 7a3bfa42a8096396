using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using RiptOrleans.Learner.Benchmarks;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>The safetensors codec and Module state dicts built on it.</summary>
[Trait("Category", "Fast")]
public sealed class SafeTensorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-safetensors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SaveLoad_MixedDtypes_RoundTripsBitExact()
    {
        using var scope = TensorScope.Open();
        var f32 = Tensor.FromArray(new[] { 1.5f, float.NaN, -0.0f, float.PositiveInfinity, 3.1415927f, float.Epsilon }, 2, 3);
        var bf16 = Randn([4, 5]).To(DType.BFloat16);
        var tensors = new Dictionary<string, Tensor>
        {
            ["a.f32"] = f32,
            ["b.bf16"] = bf16,
            ["c.f64"] = Randn([3], DType.Float64),
            ["d.i64"] = Tensor.FromArray(new long[] { long.MinValue, -1, 0, long.MaxValue }),
            ["e.u8"] = Tensor.FromArray(new byte[] { 0, 7, 255 }),
            ["f.bool"] = Tensor.FromArray(new[] { true, false, true }),
            ["g.scalar"] = Tensor.FromSpan<float>([2.5f], ReadOnlySpan<long>.Empty),
        };
        var path = Path.Combine(_dir, "mixed.safetensors");
        SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["task"] = "libero-mini/open-top-drawer" });

        using var file = SafeTensors.Load(path);
        Assert.Equal(tensors.Keys, file.Names);
        Assert.Equal("libero-mini/open-top-drawer", file.Metadata["task"]);
        foreach (var (k, t) in tensors)
        {
            Assert.Equal(t.DType, file.Tensors[k].DType);
            Assert.Equal(t.Shape, file.Tensors[k].Shape);
            Assert.Equal(t.ToBytes(), file.Tensors[k].ToBytes());
        }
    }

    [Fact]
    public void Serialize_Header_IsSafetensorsLayout()
    {
        using var scope = TensorScope.Open();
        var bytes = SafeTensors.Serialize([new("w", Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3))], new Dictionary<string, string> { ["k"] = "v" });
        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, n));
        var w = doc.RootElement.GetProperty("w");
        Assert.Equal("F32", w.GetProperty("dtype").GetString());
        Assert.Equal(new long[] { 2, 3 }, w.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        Assert.Equal(new long[] { 0, 24 }, w.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        Assert.Equal("v", doc.RootElement.GetProperty("__metadata__").GetProperty("k").GetString());
        Assert.Equal(8 + n + 24, bytes.Length);
        Assert.Equal(1f, BitConverter.ToSingle(bytes, 8 + n));
    }

    [Fact]
    public void Deserialize_TruncatedData_ThrowsInvalidData()
    {
        using var scope = TensorScope.Open();
        var bytes = SafeTensors.Serialize([new("w", Tensor.FromArray(new[] { 1f, 2f }))]);
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Deserialize(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Contains("'w'", e.Message);
    }

    [Fact]
    public void NamedParameters_ReferenceTransformer_UsesStateDictKeys()
    {
        using var model = new ReferenceTransformer(TransformerShape.Tiny);
        var names = model.NamedParameters().Select(p => p.Name).ToList();
        Assert.Contains("blocks.0.attn.qkv.weight", names);
        Assert.Contains("blocks.1.mlp.fc2.bias", names);
        Assert.Contains("blocks.0.ln1.weight", names);
        Assert.Equal(["pos", "tok.weight"], names.Take(2)); // own parameters first, then submodules (PyTorch order)
        Assert.Equal("head.bias", names[^1]);
    }

    [Fact]
    public void StateDictBytes_LoadIntoFreshModel_ReproducesOutputs()
    {
        using var scope = TensorScope.Open();
        using var a = new ReferenceTransformer(TransformerShape.Tiny);
        using var b = new ReferenceTransformer(TransformerShape.Tiny);
        var meta = b.LoadStateDictFromBytes(a.StateDictToBytes(new Dictionary<string, string> { ["version"] = "3" }));
        Assert.Equal("3", meta["version"]);
        var x = RandInt(0, 64, [2, 16]);
        Assert.Equal(a.Forward(x).ToBytes(), b.Forward(x).ToBytes());
    }

    [Fact]
    public void LoadStateDict_ShapeMismatch_ThrowsNamingKey()
    {
        using var a = new Nn.Linear(3, 4);
        using var b = new Nn.Linear(3, 5);
        var path = Path.Combine(_dir, "linear.safetensors");
        a.SaveStateDict(path);
        var e = Assert.Throws<InvalidDataException>(() => b.LoadStateDict(path));
        Assert.Contains("'weight'", e.Message);
        Assert.Contains("[4, 3]", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void LoadStateDict_MissingAndUnexpectedKeys_ThrowListingThem()
    {
        using var noBias = new Nn.Linear(3, 4, bias: false);
        using var withBias = new Nn.Linear(3, 4);
        var e = Assert.Throws<InvalidDataException>(() => withBias.LoadStateDictFromBytes(noBias.StateDictToBytes()));
        Assert.Contains("missing keys [bias]", e.Message);
        var e2 = Assert.Throws<InvalidDataException>(() => noBias.LoadStateDictFromBytes(withBias.StateDictToBytes()));
        Assert.Contains("unexpected keys [bias]", e2.Message);
    }
}
