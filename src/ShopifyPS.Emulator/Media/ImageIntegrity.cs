using System.Buffers.Binary;

namespace ShopifyPS.Emulator.Media;

/// <summary>
/// Whether an image file is whole, as Shopify finds out when it processes it: a truncated file or a valid header
/// followed by garbage fails processing there, so it fails here too. The checks follow each format's own structure
/// (PNG chunks with their CRCs up to IEND, JPEG segments up to the scan and the end marker, the GIF trailer, the
/// RIFF size of a WEBP), without decoding pixels.
/// </summary>
internal static class ImageIntegrity
{
    public static string? Problem(byte[] content, ImageInfo info) => info.MimeType switch
    {
        "image/png" => Png(content),
        "image/jpeg" => Jpeg(content),
        "image/gif" => content[^1] == 0x3B ? null : "the GIF has no trailer (the file is truncated)",
        "image/webp" => BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(4)) + 8 == content.Length ? null : "the WEBP's RIFF size does not match the file (truncated or padded)",
        _ => null,
    };

    private static string? Png(byte[] b)
    {
        var i = 8;
        var sawData = false;
        while (i + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(i));
            if (length > int.MaxValue || i + 12 + (long)length > b.Length) return "a PNG chunk runs past the end of the file (the file is truncated)";
            var type = b.AsSpan(i + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(i + 8 + (int)length));
            if (Crc32(b.AsSpan(i + 4, 4 + (int)length)) != crc) return $"the PNG chunk {System.Text.Encoding.ASCII.GetString(type)} is damaged (CRC mismatch)";
            if (type.SequenceEqual("IDAT"u8)) sawData = true;
            if (type.SequenceEqual("IEND"u8)) return sawData ? null : "the PNG has no image data";
            i += 12 + (int)length;
        }
        return "the PNG ends before its IEND chunk (the file is truncated)";
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    // The CRC-32 of PNG's specification (ISO 3309), over a chunk's type and data.
    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var x in data) c = CrcTable[(c ^ x) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static string? Jpeg(byte[] b)
    {
        if (b.Length < 4 || b[^2] != 0xFF || b[^1] != 0xD9) return "the JPEG has no end marker (the file is truncated)";
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return "the JPEG's segments are damaged";
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker == 0xDA) return null; // start of scan: entropy-coded data runs to the end marker checked above
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
        }
        return "the JPEG has no image scan";
    }
}
