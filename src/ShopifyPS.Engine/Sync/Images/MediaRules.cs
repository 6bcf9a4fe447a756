namespace ShopifyPS.Sync.Images;

/// <summary>
/// Shopify's requirements for product images (M3), checked before anything is uploaded so a picture Shopify
/// would refuse is skipped with the reason instead of failing later: PNG, JPEG, GIF or WEBP by content, at most
/// 20 MB, at most 5000 pixels on a side (which also keeps it within Shopify's 25 megapixels).
/// </summary>
public static class MediaRules
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const int MaxSide = 5000;

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
        if (header.Width > MaxSide || header.Height > MaxSide)
            return $"the image is {header.Width}x{header.Height} pixels; Shopify takes at most {MaxSide} pixels on a side";
        return null;
    }
}
