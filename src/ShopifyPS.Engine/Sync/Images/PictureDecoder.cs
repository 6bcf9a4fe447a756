using SkiaSharp;

namespace ShopifyPS.Sync.Images;

/// <summary>
/// Decodes a picture completely (SkiaSharp, Google's Skia) before it is uploaded: a header alone proves nothing, and a
/// truncated file or a valid header followed by garbage would only fail later in Shopify's processing, after a staged
/// upload and a file in the shop. Also scales a picture above Shopify's limits down to fit them, when asked.
/// </summary>
internal static class PictureDecoder
{
    /// <summary>Why the bytes are not a whole image, or null when every pixel decodes.</summary>
    public static string? Damage(byte[] content)
    {
        using var bitmap = Decode(content, out var problem);
        return problem;
    }

    /// <summary>The picture re-encoded within <see cref="MediaRules.MaxSide"/> and <see cref="MediaRules.MaxPixels"/>, in
    /// its own format (GIF, which Skia cannot write, as PNG), or null with the reason.</summary>
    public static (byte[] Content, ImageFormat Format)? ScaleDown(byte[] content, ImageHeader header, out string problem)
    {
        using var bitmap = Decode(content, out var damage);
        problem = damage ?? "";
        if (bitmap is null) return null;
        var scale = Math.Min(1.0, Math.Min((double)MediaRules.MaxSide / Math.Max(header.Width, header.Height),
            Math.Sqrt((double)MediaRules.MaxPixels / ((long)header.Width * header.Height))));
        var size = new SKImageInfo(Math.Max(1, (int)(header.Width * scale)), Math.Max(1, (int)(header.Height * scale)));
        using var scaled = bitmap.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
        var (format, encoding) = header.Format switch
        {
            ImageFormat.Jpeg => (ImageFormat.Jpeg, SKEncodedImageFormat.Jpeg),
            ImageFormat.Webp => (ImageFormat.Webp, SKEncodedImageFormat.Webp),
            _ => (ImageFormat.Png, SKEncodedImageFormat.Png),
        };
        using var data = scaled?.Encode(encoding, 90);
        if (data is null)
        {
            problem = "the picture could not be scaled down";
            return null;
        }
        return (data.ToArray(), format);
    }

    private static SKBitmap? Decode(byte[] content, out string? problem)
    {
        // The codec takes ownership of the stream it is created from.
        using var codec = SKCodec.Create(new SKMemoryStream(content), out var opened);
        if (codec is null)
        {
            problem = $"the picture cannot be decoded ({Describe(opened)})";
            return null;
        }
        var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            problem = null;
            return bitmap;
        }
        bitmap.Dispose();
        problem = $"the picture is damaged: {Describe(result)}";
        return null;
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the file ends before all of its pixels (it is truncated)",
        SKCodecResult.ErrorInInput => "its image data is corrupt",
        SKCodecResult.InvalidInput or SKCodecResult.Unimplemented => "its content is not a complete image of its format",
        _ => result.ToString(),
    };
}
