using System.Buffers.Binary;

namespace ShopifyPS.Sync.Images;

/// <summary>
/// Reads the format and pixel size of a PNG, JPEG, GIF or WEBP file from its first bytes, the way Shopify
/// sniffs an upload (by content, not by name). Small on purpose: no image library, no decoding.
/// </summary>
public static class ImageHeaderReader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The header, or null with <paramref name="problem"/> saying why the bytes are not a usable image.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> data, out string problem)
    {
        problem = "";
        ImageHeader? header;
        string format;
        if (data.StartsWith(PngSignature)) (header, format) = (Png(data), "PNG");
        else if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) (header, format) = (Gif(data), "GIF");
        else if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) (header, format) = (Jpeg(data), "JPEG");
        else if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) (header, format) = (Webp(data), "WEBP");
        else
        {
            problem = "it is not a PNG, JPEG, GIF or WEBP image (the formats Shopify accepts); it starts with " +
                (data.Length == 0 ? "nothing (the file is empty)" : Convert.ToHexString(data[..Math.Min(8, data.Length)]));
            return null;
        }
        if (header is null || header.Width <= 0 || header.Height <= 0)
        {
            problem = $"it starts like a {format} image but its header is damaged or cut short (no pixel size can be read)";
            return null;
        }
        return header;
    }

    // The first chunk must be IHDR: width and height are its first two big-endian 32-bit fields.
    private static ImageHeader? Png(ReadOnlySpan<byte> d) =>
        d.Length >= 24 && d[12..16].SequenceEqual("IHDR"u8)
            ? Sized(ImageFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(d[16..]), BinaryPrimitives.ReadUInt32BigEndian(d[20..]))
            : null;

    // The logical screen size follows the 6-byte signature, little-endian.
    private static ImageHeader? Gif(ReadOnlySpan<byte> d) =>
        d.Length >= 10 ? Sized(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(d[6..]), BinaryPrimitives.ReadUInt16LittleEndian(d[8..])) : null;

    // Walk the marker segments to the first start-of-frame (SOF0–SOF15 except DHT C4, JPG C8, DAC CC):
    // its payload is precision (1 byte), height (2), width (2).
    private static ImageHeader? Jpeg(ReadOnlySpan<byte> d)
    {
        var i = 2;
        while (i + 4 <= d.Length)
        {
            if (d[i] != 0xFF) return null;
            var marker = d[i + 1];
            if (marker == 0xFF) { i++; continue; }                         // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; } // markers without a length
            if (marker is 0xD9 or 0xDA) return null;                     // end of image or scan data before any frame
            var length = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            if (length < 2) return null;
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
                return i + 9 <= d.Length
                    ? Sized(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(d[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]))
                    : null;
            i += 2 + length;
        }
        return null;
    }

    private static ImageHeader? Webp(ReadOnlySpan<byte> d)
    {
        if (d.Length < 30) return null;
        var chunk = d[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a key frame starts with the start code 9D 01 2A, then 14-bit width and height.
            if (d[23] != 0x9D || d[24] != 0x01 || d[25] != 0x2A) return null;
            return Sized(ImageFormat.Webp, BinaryPrimitives.ReadUInt16LittleEndian(d[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(d[28..]) & 0x3FFFu);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each.
            if (d[20] != 0x2F) return null;
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(d[21..]);
            return Sized(ImageFormat.Webp, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            // Extended: canvas width-1 and height-1 in 24 bits each, after 4 bytes of flags.
            return Sized(ImageFormat.Webp, (uint)(d[24] | d[25] << 8 | d[26] << 16) + 1, (uint)(d[27] | d[28] << 8 | d[29] << 16) + 1);
        return null;
    }

    private static ImageHeader? Sized(ImageFormat format, uint width, uint height) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new ImageHeader(format, (int)width, (int)height);
}
