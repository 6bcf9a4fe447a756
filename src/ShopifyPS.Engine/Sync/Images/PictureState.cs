using System.Globalization;

namespace ShopifyPS.Sync.Images;

/// <summary>Where the Shopify media of a synced picture came from: ShopifyPS uploaded it, or it was Shopify's and was downloaded.</summary>
public enum PictureOrigin { Uploaded, Downloaded }

/// <summary>
/// What the connector remembers about one product's or variant's picture (content_hashes, kind Picture, keyed by
/// the product or variant id): the SHA-256 of the picture's bytes, the Shopify media that holds it, and whether
/// ShopifyPS uploaded that media. Only media with <see cref="PictureOrigin.Uploaded"/> is ever deleted when the
/// picture changes: media someone else added is never touched. Stored as one line of text:
/// <c>sha256=&lt;hex&gt; uploaded=&lt;media gid&gt;</c> or <c>sha256=&lt;hex&gt; downloaded=&lt;media gid&gt; at=&lt;media updatedAt&gt;</c>.
/// </summary>
public sealed record PictureState(string Sha256, PictureOrigin Origin, string MediaId, DateTimeOffset? MediaUpdatedAt = null)
{
    public bool WeUploaded => Origin == PictureOrigin.Uploaded;

    public override string ToString() =>
        $"sha256={Sha256} {(WeUploaded ? "uploaded" : "downloaded")}={MediaId}" +
        (MediaUpdatedAt is { } at ? $" at={at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}" : "");

    /// <summary>The stored text read back; null for blank or unreadable text (treated as never synced).</summary>
    public static PictureState? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("sha256", out var sha)) return null;
        DateTimeOffset? at = parts.TryGetValue("at", out var time) && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        if (parts.TryGetValue("uploaded", out var uploaded)) return new PictureState(sha, PictureOrigin.Uploaded, uploaded, at);
        if (parts.TryGetValue("downloaded", out var downloaded)) return new PictureState(sha, PictureOrigin.Downloaded, downloaded, at);
        return null;
    }
}
