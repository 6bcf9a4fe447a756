using System.Buffers.Binary;
using System.IO.Compression;

namespace ShopifyPS.Tests.Images;

/// <summary>Small real image files made in memory: decodable PNGs and JPEGs of any size, and header-only WEBP and GIF.</summary>
public static class TestImages
{
    /// <summary>An RGB PNG filled with one colour (different <paramref name="shade"/>s give different files).</summary>
    public static byte[] Png(int width, int height, byte shade = 0x80)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bits per sample
        header[9] = 2;  // RGB
        Chunk(output, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + width * 3];
            for (var x = 1; x < row.Length; x++) row[x] = (byte)(shade + x % 3);
            for (var y = 0; y < height; y++) zlib.Write(row);
        }
        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A baseline greyscale JPEG of uniform grey: every 8x8 block is "DC difference 0, end of block" (two bits).</summary>
    public static byte[] Jpeg(int width, int height, byte quality = 1)
    {
        using var o = new MemoryStream();
        o.Write([0xFF, 0xD8]);                                                           // SOI
        o.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]); // APP0 JFIF
        o.Write([0xFF, 0xDB, 0x00, 0x43, 0x00]);                                         // DQT, table 0
        for (var i = 0; i < 64; i++) o.WriteByte(quality);
        o.Write([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]); // SOF0
        o.Write([0xFF, 0xC4, 0x00, 0x14, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]); // DHT DC0: one code, symbol 0
        o.Write([0xFF, 0xC4, 0x00, 0x14, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]); // DHT AC0: one code, EOB
        o.Write([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);           // SOS
        var bits = (long)((width + 7) / 8) * ((height + 7) / 8) * 2;
        var bytes = (int)((bits + 7) / 8);
        var scan = new byte[bytes];
        if (bits % 8 != 0) scan[^1] = (byte)((1 << (int)(8 - bits % 8)) - 1);          // pad the last byte with 1 bits
        o.Write(scan);
        o.Write([0xFF, 0xD9]);                                                           // EOI
        return o.ToArray();
    }

    public static byte[] Gif(int width, int height)
    {
        var b = new byte[13];
        "GIF89a"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), (ushort)height);
        return b;
    }

    /// <summary>A WEBP header of the given kind ("VP8 ", "VP8L" or "VP8X").</summary>
    public static byte[] Webp(string kind, int width, int height)
    {
        var b = new byte[30];
        "RIFF"u8.CopyTo(b);
        "WEBP"u8.CopyTo(b.AsSpan(8));
        System.Text.Encoding.ASCII.GetBytes(kind).CopyTo(b, 12);
        switch (kind)
        {
            case "VP8 ":
                b[23] = 0x9D; b[24] = 0x01; b[25] = 0x2A;
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(26), (ushort)width);
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(28), (ushort)height);
                break;
            case "VP8L":
                b[20] = 0x2F;
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(21), (uint)(width - 1) | (uint)(height - 1) << 14);
                break;
            default:
                b[24] = (byte)(width - 1); b[25] = (byte)((width - 1) >> 8); b[26] = (byte)((width - 1) >> 16);
                b[27] = (byte)(height - 1); b[28] = (byte)((height - 1) >> 8); b[29] = (byte)((height - 1) >> 16);
                break;
        }
        return b;
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(head, 4);
        output.Write(head);
        output.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(head.AsSpan(4), data));
        output.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var span in new[] { type.ToArray(), data.ToArray() })
            foreach (var b in span)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        return ~crc;
    }
}
