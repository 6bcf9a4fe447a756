using ShopifyPS.Emulator.Graph.Mutations;
using ShopifyPS.Emulator.Runtime;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Media;

/// <summary>
/// Creates media from an originalSource. Like Shopify, creation succeeds at once with status
/// UPLOADED/PROCESSING; problems with the file itself (not found, wrong format, too big) show up
/// later as status FAILED with mediaErrors. Only the emulator's own staged upload URLs can be
/// fetched: the emulator has no internet access.
/// </summary>
internal static class MediaFactory
{
    public static MediaFile Create(EmulatorRuntime rt, string originalSource, string? alt, string? filename)
    {
        var store = rt.Store;
        var now = store.Now();
        var upload = StagedUploads.FromUrl(store, rt.BaseUri, originalSource);
        var media = new MediaFile
        {
            Id = store.NextId(), OriginalSource = originalSource, Alt = alt, CreatedAt = now, UpdatedAt = now,
            ReadyAt = now.AddMilliseconds(rt.MediaProcessingMs),
            Filename = Unique(store, filename ?? SourceName(rt, originalSource)),
        };
        if (upload?.ContentFile is not { } file)
        {
            media.Error = ("IMAGE_DOWNLOAD_FAILURE", upload == null
                ? "Image could not be downloaded: the emulator only fetches its own staged upload URLs."
                : "Image could not be downloaded: nothing was uploaded to the staged target.");
        }
        else
        {
            var content = File.ReadAllBytes(file);
            media.FileSize = content.LongLength;
            media.Error = ImageInspector.Problem(content, out var info);
            if (media.Error == null)
            {
                media.Content = content;
                media.MimeType = info!.MimeType;
                media.Width = info.Width;
                media.Height = info.Height;
                media.Url = new Uri(rt.BaseUri, $"emulator/files/{media.Id}/{Uri.EscapeDataString(media.Filename ?? "image")}").AbsoluteUri;
            }
        }
        store.Media[media.Id] = media;
        return media;
    }

    /// <summary>fileCreate's default duplicateResolutionMode APPEND_UUID: a name the shop's files already have gets a
    /// UUID before its extension, so a file is never found under exactly the name it was created with twice.</summary>
    /// <summary>The file name the source carries: a staged upload's own file name, else the last segment of the URL's path.</summary>
    public static string SourceName(EmulatorRuntime rt, string source) =>
        StagedUploads.FromUrl(rt.Store, rt.BaseUri, source)?.Filename
        ?? Path.GetFileName(Uri.TryCreate(source, UriKind.Absolute, out var uri) ? uri.AbsolutePath : source);

    private static string Unique(ShopStore store, string filename) =>
        store.Media.Values.Any(m => string.Equals(m.Filename, filename, StringComparison.OrdinalIgnoreCase))
            ? $"{Path.GetFileNameWithoutExtension(filename)}_{Guid.NewGuid()}{Path.GetExtension(filename)}"
            : filename;

    public static void Attach(ShopStore store, Product product, MediaFile media)
    {
        if (!product.Media.Contains(media)) product.Media.Add(media);
        media.ProductIds.Add(product.Id);
    }

    public static void Detach(ShopStore store, Product product, MediaFile media)
    {
        product.Media.Remove(media);
        media.ProductIds.Remove(product.Id);
        foreach (var v in product.Variants.Where(v => v.Image == media)) v.Image = null;
    }

    /// <summary>Deletes a file everywhere (products and variants lose it).</summary>
    public static void Delete(ShopStore store, MediaFile media)
    {
        foreach (var pid in media.ProductIds.ToList())
            if (store.Products.TryGetValue(pid, out var p)) Detach(store, p, media);
        store.Media.Remove(media.Id);
    }
}
