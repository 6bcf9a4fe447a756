using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class MediaFile : IGraphObject
{
    public string? GraphType => "MediaImage";

    /// <summary>Processing is asynchronous on Shopify: the status moves on once <see cref="ReadyAt"/> has passed.</summary>
    public string CurrentStatus(DateTimeOffset now) =>
        now < ReadyAt ? "PROCESSING" : Error != null ? "FAILED" : "READY";

    public object? Resolve(string field, Args args, ExecContext ctx)
    {
        var status = CurrentStatus(DateTimeOffset.UtcNow);
        var ready = status == "READY";
        return field switch
        {
            "id" => Gid,
            "alt" => Alt,
            "status" => status,
            "fileStatus" => status,
            "mediaContentType" => "IMAGE",
            "mimeType" => MimeType,
            "createdAt" => CreatedAt,
            "updatedAt" => UpdatedAt,
            "image" => ready ? ImageObject() : null,
            "preview" => new GraphMap("MediaPreviewImage", ("status", status), ("image", ready ? ImageObject() : null)),
            "originalSource" => new GraphMap("MediaImageOriginalSource", ("url", OriginalSource), ("fileSize", FileSize)),
            "mediaErrors" => status == "FAILED" && Error is { } e
                ? new[] { new GraphMap("MediaError", ("code", e.Code), ("message", e.Message), ("details", e.Message)) }
                : Array.Empty<GraphMap>(),
            "fileErrors" => status == "FAILED" && Error is { } fe
                ? new[] { new GraphMap("FileError", ("code", fe.Code), ("message", fe.Message), ("details", fe.Message)) }
                : Array.Empty<GraphMap>(),
            "mediaWarnings" => Array.Empty<GraphMap>(),
            _ => null,
        };
    }

    public GraphMap ImageObject() => new("Image",
        ("id", State.Gid.Of("ImageSource", Id)),
        ("url", Url), ("originalSrc", Url), ("src", Url), ("transformedSrc", Url),
        ("width", Width), ("height", Height), ("altText", Alt));
}
