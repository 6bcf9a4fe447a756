using System.Text.RegularExpressions;

namespace ShopifyPS.Sync.Images;

/// <summary>
/// The name ShopifyPS gives each file it creates: <c>shopifyps_&lt;owner&gt;_&lt;first 12 hex of the SHA-256&gt;_&lt;file name&gt;</c>,
/// for example <c>shopifyps_v4711_0123456789ab_1001-red.png</c>. The marker (everything before the file name) tells
/// which product or variant and which picture a file is, so after a lost answer the sync can search the shop's files
/// for it (<c>filename:&lt;marker&gt;*</c>) instead of creating a second one, and can find files an interrupted run
/// left behind. Underscores only: a hyphen could read as NOT in Shopify's search syntax.
/// </summary>
internal static partial class PictureMarker
{
    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotAlphanumeric();

    public static string Of(string ownerId, string sha256)
    {
        var kind = ownerId.Contains("/ProductVariant/", StringComparison.Ordinal) ? "v" : "p";
        return $"shopifyps_{kind}{NotAlphanumeric().Replace(ownerId[(ownerId.LastIndexOf('/') + 1)..], "")}_{sha256[..12]}";
    }

    /// <summary>The file name Shopify gets: the marker, then the picture's own name (same extension, as fileCreate requires).</summary>
    public static string FileName(string marker, LocalPicture picture) =>
        $"{marker}_{Path.GetFileNameWithoutExtension(picture.FileName)}{picture.Header.Extension}";

    /// <summary>The search for files created under <paramref name="marker"/> (Shopify appends a UUID to a name it already has).</summary>
    public static string Query(string marker) => $"filename:{marker}*";
}
