using System.Buffers.Binary;

namespace ShopifyPS.Emulator.Media;

/// <summary>Image format and size read from the file header, the way Shopify sniffs uploads (not by name or MIME type).</summary>
internal sealed record ImageInfo(string MimeType, int Width, int Height);

internal static class ImageInspector
{
    // Shopify's media guide: "The maximum image size is 4472 x 4472 px, or 20 megapixels", files up to 20 MB.
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxSide = 4472;
    public const long MaxPixels = 20_000_000;

    /// <summary>Null when the bytes are not a PNG, JPEG, GIF or WEBP image whose size can be read.</summary>
    public static ImageInfo? Inspect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return new("image/png", (int)BinaryPrimitives.ReadUInt32BigEndian(b[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(b[20..]));
        if (b.Length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8')
            return new("image/gif", BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8) return Jpeg(b);
        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return Webp(b);
        return null;
    }

    private static ImageInfo? Jpeg(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                return new("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            i += 2 + length;
        }
        return null;
    }

    private static ImageInfo? Webp(ReadOnlySpan<byte> b)
    {
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
            return new("image/webp", BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return new("image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return new("image/webp", (b[24] | b[25] << 8 | b[26] << 16) + 1, (b[27] | b[28] << 8 | b[29] << 16) + 1);
        return null;
    }

    /// <summary>The MediaErrorCode and message Shopify reports for a file it cannot use, or null when it is fine.</summary>
    public static (string Code, string Message)? Problem(byte[] content, out ImageInfo? info)
    {
        info = Inspect(content);
        if (content.LongLength > MaxBytes)
            return ("INVALID_IMAGE_FILE_SIZE", "Image exceeds the maximum file size of 20 MB.");
        if (info == null)
            return ("UNSUPPORTED_IMAGE_FILE_TYPE", "Image format is not supported. Supported formats: PNG, JPEG, GIF, WEBP.");
        if (info.Width <= 0 || info.Height <= 0 || info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels)
            return ("INVALID_IMAGE_RESOLUTION", $"Image resolution {info.Width}x{info.Height} exceeds the maximum of {MaxSide}x{MaxSide} (20 megapixels).");
        if (ImageIntegrity.Problem(content, info) is { } damage)
            return ("IMAGE_DOWNLOAD_FAILURE", $"Image could not be processed: {damage}.");
        return null;
    }
}
