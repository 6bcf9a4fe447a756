namespace ShopifyPS.Emulator.State;

/// <summary>A target created by stagedUploadsCreate; the bytes arrive later by POST (multipart) or PUT.</summary>
internal sealed class StagedUpload
{
    public required string Key { get; init; }
    public required string Resource { get; init; }
    public required string Filename { get; init; }
    public required string MimeType { get; init; }
    public required string HttpMethod { get; init; }
    public byte[]? Content { get; set; }
    public string? ContentType { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
