using System.Buffers.Binary;
using System.Text;
using RiptOrleans.Physics.Data;

namespace RiptOrleans.Physics.Tests.Data;

[Trait("Category", "Fast")]
public class SafeTensorsFileTests
{
    private static SafeTensorsFile Sample()
    {
        var f = new SafeTensorsFile();
        f.Tensors["a"] = SafeTensor.From(new[] { 1.5f, -2f, float.Epsilon, float.NaN, 3f, 4f }, 2, 3);
        f.Tensors["b"] = SafeTensor.From(new[] { Math.PI, -0.0 }, 2);
        f.Tensors["c"] = SafeTensor.From(new byte[] { 0, 255, 7 }, 3);
        f.Metadata["task"] = "suite/x";
        return f;
    }

    [Fact]
    public void Deserialize_SerializedFile_IsBitExact()
    {
        var bytes = Sample().Serialize();

        var back = SafeTensorsFile.Deserialize(bytes);

        Assert.Equal(Sample().Tensors["a"].Bytes.ToArray(), back["a"].Bytes.ToArray());
        Assert.Equal(new long[] { 2, 3 }, back["a"].Shape);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(back["b"].ToDoubles()[1]));
        Assert.Equal(new byte[] { 0, 255, 7 }, back["c"].ToBytes());
        Assert.Equal("suite/x", back.Meta("task"));
    }

    [Fact]
    public void Serialize_Header_IsJsonPaddedToEightBytes()
    {
        var bytes = Sample().Serialize();

        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        var header = Encoding.UTF8.GetString(bytes, 8, n);
        Assert.StartsWith("{", header);
        Assert.Contains("\"dtype\":\"F32\"", header);
        Assert.Contains("\"data_offsets\":[0,24]", header);
    }

    [Fact]
    public void Deserialize_TruncatedData_ThrowsNamingTheSourceAndTensor()
    {
        var bytes = Sample().Serialize();

        var e = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Deserialize(bytes[..^2], "demo.safetensors"));

        Assert.Contains("demo.safetensors", e.Message);
        Assert.Contains("'c'", e.Message);
    }

    [Fact]
    public void Deserialize_GarbageHeader_ThrowsInvalidData()
    {
        var bytes = new byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 16);
        Encoding.ASCII.GetBytes("not json at all!").CopyTo(bytes, 8);

        var e = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Deserialize(bytes, "x"));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Indexer_UnknownName_ListsTheTensorsThatExist()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Sample()["zz"]);

        Assert.Contains("a, b, c", e.Message);
    }

    [Fact]
    public void ToFloats_WrongDType_Throws()
    {
        Assert.Throws<InvalidDataException>(() => Sample()["b"].ToFloats());
    }
}
