namespace ShopifyPS.Sync.Images;

/// <summary>
/// Shopify's requirements for product images (M3), checked before anything is uploaded so a picture Shopify
/// would refuse is skipped with the reason instead of failing later: PNG, JPEG, GIF or WEBP by content, at most
/// 20 MB, at most 4472 × 4472 pixels and 20 megapixels (Shopify's media guide: "The maximum image size is 4472 x 4472
/// px, or 20 megapixels"; read as both limits, the stricter reading).
/// </summary>
public static class MediaRules
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const int MaxSide = 4472;
    public const long MaxPixels = 20_000_000;

    /// <summary>Why a file of <paramref name="size"/> bytes cannot be a Shopify image, before reading it; null when it may be.</summary>
    public static string? CheckSize(long size) => size switch
    {
        0 => "the file is empty",
        > MaxFileBytes => $"the file is {size / (1024.0 * 1024):0.0} MB; Shopify takes images up to 20 MB",
        _ => null,
    };

    /// <summary>Why the bytes cannot be a Shopify image; null when Shopify accepts them. <paramref name="header"/> is what was read.</summary>
    public static string? Check(ReadOnlySpan<byte> content, out ImageHeader? header)
    {
        header = null;
        if (CheckSize(content.Length) is { } sizeProblem) return sizeProblem;
        header = ImageHeaderReader.Read(content, out var problem);
        if (header is null) return problem;
        return TooLarge(header);
    }

    /// <summary>Why the picture is above Shopify's pixel limits, or null.</summary>
    public static string? TooLarge(ImageHeader header) =>
        header.Width > MaxSide || header.Height > MaxSide || (long)header.Width * header.Height > MaxPixels
            ? $"the image is {header.Width}x{header.Height} pixels; Shopify takes at most {MaxSide} pixels on a side and 20 megapixels " +
              "(Sync-ShopifyImage -ScaleDown scales such pictures down instead)"
            : null;
}
