namespace ShopifyPS.Emulator.State;

/// <summary>An image (MediaImage) created from a staged upload or URL, attached to products or standalone (fileCreate).</summary>
internal sealed partial class MediaFile
{
    public long Id { get; init; }
    public string? Alt { get; set; }
    public string OriginalSource { get; init; } = "";
    public string? Filename { get; set; }

    /// <summary>UPLOADED → PROCESSING → READY or FAILED (media status); fileStatus mirrors it.</summary>
    public string Status { get; set; } = "UPLOADED";
    public string? MimeType { get; set; }
    public string? Url { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public long? FileSize { get; set; }
    public (string Code, string Message)? Error { get; set; }

    /// <summary>The image bytes, served back at <see cref="Url"/>.</summary>
    public byte[]? Content { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When processing ends (status becomes READY or FAILED); Shopify processes media asynchronously.</summary>
    public DateTimeOffset ReadyAt { get; set; }

    public HashSet<long> ProductIds { get; } = new();

    public string Gid => State.Gid.Of("MediaImage", Id);
}
