namespace ShopifyPS.Emulator.State;

/// <summary>A target created by stagedUploadsCreate; the bytes arrive later by POST (multipart) or PUT.</summary>
internal sealed class StagedUpload
{
    public required string Key { get; init; }
    public required string Resource { get; init; }
    public required string Filename { get; init; }
    public required string MimeType { get; init; }
    public required string HttpMethod { get; init; }
    /// <summary>The uploaded bytes, as a file of the emulator's <see cref="Runtime.FileArea"/>; null until they arrive.</summary>
    public string? ContentFile { get; set; }
    public long ContentLength { get; set; }
    public string? ContentType { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
