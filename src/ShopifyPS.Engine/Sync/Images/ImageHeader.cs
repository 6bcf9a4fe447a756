namespace ShopifyPS.Sync.Images;

/// <summary>The image formats Shopify accepts for product media.</summary>
public enum ImageFormat { Png, Jpeg, Gif, Webp }

/// <summary>What a picture file's header says: its format (from the bytes, never the file name) and its pixel size.</summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height)
{
    public string MimeType => Format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Gif => "image/gif",
        _ => "image/webp",
    };

    /// <summary>The file extension (with the dot) that matches the format, for downloaded pictures.</summary>
    public string Extension => Format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Gif => ".gif",
        _ => ".webp",
    };

    public override string ToString() => $"{Format.ToString().ToUpperInvariant()} {Width}x{Height}";
}
