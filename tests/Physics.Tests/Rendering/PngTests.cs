using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using RiptOrleans.Physics.Rendering;

namespace RiptOrleans.Physics.Tests.Rendering;

[Trait("Category", "Fast")]
public class PngTests
{
    [Fact]
    public void Crc32_StandardCheckValue_Matches()
    {
        Assert.Equal(0xCBF43926u, Png.Crc32(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Encode_SmallImage_RoundTripsThroughZLib()
    {
        const int w = 5, h = 3;
        var rgb = new byte[w * h * 3];
        for (var i = 0; i < rgb.Length; i++)
            rgb[i] = (byte)(i * 37 + 11);

        var png = Png.Encode(rgb, w, h);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = ReadChunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var ihdr = chunks[0].Data;
        Assert.Equal(w, BinaryPrimitives.ReadInt32BigEndian(ihdr));
        Assert.Equal(h, BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4)));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, ihdr[8..]);

        using var z = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var scan = raw.ToArray();
        Assert.Equal(h * (1 + w * 3), scan.Length);
        for (var y = 0; y < h; y++)
        {
            Assert.Equal(0, scan[y * (1 + w * 3)]);
            Assert.Equal(rgb.AsSpan(y * w * 3, w * 3).ToArray(), scan.AsSpan(y * (1 + w * 3) + 1, w * 3).ToArray());
        }
    }

    [Fact]
    public void Write_File_StartsWithSignature()
    {
        var path = Path.Combine(Path.GetTempPath(), $"png-{Guid.NewGuid():N}.png");
        try
        {
            Png.Write(path, new byte[2 * 2 * 3], 2, 2);
            Assert.Equal(0x89, File.ReadAllBytes(path)[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Encode_WrongLength_ThrowsNamingSize()
    {
        var e = Assert.Throws<ArgumentException>(() => Png.Encode(new byte[10], 2, 2));
        Assert.Contains("12", e.Message);
    }

    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        var at = 8;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(Png.Crc32(png.AsSpan(at + 4, 4 + length)), crc);
            chunks.Add((type, data));
            at += 12 + length;
        }
        return chunks;
    }
}
