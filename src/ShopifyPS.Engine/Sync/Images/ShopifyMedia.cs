using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Images;

/// <summary>A file's state after Shopify's processing: READY, FAILED (with why), or still processing when waiting ran out.</summary>
internal sealed record FileOutcome(string Status, string Reason)
{
    public bool Ready => Status == "READY";
}

/// <summary>One media item as the picture import sees it.</summary>
internal sealed record ShopifyPicture(string MediaId, DateTimeOffset? UpdatedAt, string Url);

/// <summary>A product's picture (its first media) and its variants' pictures (null: none).</summary>
internal sealed record ProductPictures(ShopifyPicture? Product, IReadOnlyDictionary<string, ShopifyPicture?> Variants);

/// <summary>
/// The Shopify calls of the picture sync, in the 2026-04 way: files are created from staged uploads (fileCreate),
/// attached to products with fileUpdate(referencesToAdd) once Shopify has processed them, deleted with fileDelete,
/// and shown on variants with productVariantAppendMedia / productVariantDetachMedia.
/// </summary>
internal sealed class ShopifyMedia(ShopifyClient client)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(5);

    public Task<IReadOnlyList<StagedTarget>> StageAsync(IReadOnlyList<(LocalPicture Picture, string FileName)> pictures, CancellationToken ct) =>
        StagedUploads.CreateAsync(client, pictures.Select(p => Staged(p.Picture, p.FileName)).ToList(), ct);

    public Task UploadAsync(StagedTarget target, LocalPicture picture, string fileName, CancellationToken ct) =>
        StagedUploads.UploadAsync(client, target, Staged(picture, fileName), () => new ByteArrayContent(picture.Content), ct);

    /// <summary>The new files' ids in input order, or the userErrors (Shopify then creates none).</summary>
    public async Task<(IReadOnlyList<string> Ids, IReadOnlyList<UserError> Errors)> CreateFilesAsync(IReadOnlyList<(string Source, string Alt, string FileName)> files, CancellationToken ct)
    {
        var input = files.Select(f => new { originalSource = f.Source, contentType = "IMAGE", alt = f.Alt, filename = f.FileName }).ToArray();
        var payload = (await client.ExecuteAsync("FileCreate", new { files = input }, ct).ConfigureAwait(false)).Payload();
        if (!payload.Succeeded) return (Array.Empty<string>(), payload.UserErrors);
        var ids = (payload.Data["files"] as JArray ?? new JArray()).Select(f => f.Value<string>("id") ?? "").ToList();
        if (ids.Count != files.Count || ids.Any(id => id.Length == 0))
            throw new ShopifyException($"fileCreate returned {ids.Count} files for {files.Count} uploads.", "FileCreate", payload.RequestId);
        return (ids, Array.Empty<UserError>());
    }

    /// <summary>The files created under <paramref name="marker"/> (id and fileStatus), oldest first.</summary>
    public async Task<IReadOnlyList<(string Id, string Status)>> MarkedFilesAsync(string marker, CancellationToken ct)
    {
        var response = await client.ExecuteAsync("FilesByName", new { query = PictureMarker.Query(marker) }, ct).ConfigureAwait(false);
        return (response.Data["files"]?["nodes"] as JArray ?? new JArray()).OfType<JObject>()
            .Select(n => (n.Value<string>("id") ?? "", n.Value<string>("fileStatus") ?? "")).Where(f => f.Item1.Length > 0).ToList();
    }

    /// <summary>Polls until every file is READY or FAILED (media processing is asynchronous), at most five minutes.</summary>
    public async Task<IReadOnlyDictionary<string, FileOutcome>> WaitUntilProcessedAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var outcomes = new Dictionary<string, FileOutcome>(StringComparer.Ordinal);
        var time = client.Options.Time;
        var started = time.GetUtcNow();
        for (var poll = 0; ; poll++)
        {
            var open = ids.Where(id => !outcomes.ContainsKey(id)).ToList();
            var response = await client.ExecuteAsync("FileStatuses", new { ids = open }, ct).ConfigureAwait(false);
            foreach (var node in (response.Data["nodes"] as JArray ?? new JArray()).OfType<JObject>())
            {
                var id = node.Value<string>("id") ?? "";
                var status = node.Value<string>("fileStatus") ?? "";
                if (status is "READY") outcomes[id] = new FileOutcome(status, "");
                else if (status is "FAILED")
                    outcomes[id] = new FileOutcome(status, string.Join("; ", (node["fileErrors"] as JArray ?? new JArray())
                        .Select(e => $"{e.Value<string>("code")}: {e.Value<string>("message")}")));
            }
            foreach (var gone in open.Where(id => !outcomes.ContainsKey(id) && !(response.Data["nodes"] as JArray ?? new JArray()).OfType<JObject>().Any(n => n.Value<string>("id") == id)))
                outcomes[gone] = new FileOutcome("FAILED", "the file disappeared while Shopify processed it");
            if (outcomes.Count == ids.Count) return outcomes;
            if (time.GetUtcNow() - started > ProcessingTimeout)
            {
                foreach (var id in ids.Where(id => !outcomes.ContainsKey(id)))
                    outcomes[id] = new FileOutcome("PROCESSING", $"Shopify was still processing the picture after {ProcessingTimeout.TotalMinutes:0} minutes; run the sync again");
                return outcomes;
            }
            var delay = poll < client.Options.BulkFastPolls ? client.Options.BulkPollInterval : client.Options.BulkSlowPollInterval;
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Attaches each file to its product; returns the userErrors (field <c>files.&lt;index&gt;...</c>).</summary>
    public async Task<IReadOnlyList<UserError>> AttachAsync(IReadOnlyList<(string FileId, string ProductId)> files, CancellationToken ct)
    {
        var input = files.Select(f => new { id = f.FileId, referencesToAdd = new[] { f.ProductId } }).ToArray();
        return (await client.ExecuteAsync("FileUpdate", new { files = input }, ct).ConfigureAwait(false)).Payload().UserErrors;
    }

    /// <summary>Deletes the files (from every product and variant). Files that are already gone count as deleted.</summary>
    public async Task DeleteFilesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var left = ids.Distinct(StringComparer.Ordinal).ToList();
        while (left.Count > 0)
        {
            var payload = (await client.ExecuteAsync("FileDelete", new { fileIds = left }, ct).ConfigureAwait(false)).Payload();
            if (payload.Succeeded) return;
            var missing = payload.UserErrors.Where(e => e.Code == "FILE_DOES_NOT_EXIST").Select(e => IndexIn(e, "fileIds")).OfType<int>().ToHashSet();
            if (missing.Count == 0 || missing.Count != payload.UserErrors.Count) payload.ThrowIfFailed();
            left = left.Where((_, i) => !missing.Contains(i)).ToList();
        }
    }

    /// <summary>The media ids each variant shows now.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> VariantMediaAsync(IReadOnlyList<string> variantIds, CancellationToken ct)
    {
        var response = await client.ExecuteAsync("VariantMedia", new { ids = variantIds }, ct).ConfigureAwait(false);
        return (response.Data["nodes"] as JArray ?? new JArray()).OfType<JObject>().ToDictionary(
            n => n.Value<string>("id") ?? "",
            n => (IReadOnlyList<string>)(n["media"]?["nodes"] as JArray ?? new JArray()).Select(m => m.Value<string>("id") ?? "").ToList(),
            StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<UserError>> DetachAsync(string productId, IReadOnlyList<(string VariantId, IReadOnlyList<string> MediaIds)> pairs, CancellationToken ct) =>
        VariantMediaMutationAsync("ProductVariantDetachMedia", productId, pairs, ct);

    public Task<IReadOnlyList<UserError>> AppendAsync(string productId, IReadOnlyList<(string VariantId, IReadOnlyList<string> MediaIds)> pairs, CancellationToken ct) =>
        VariantMediaMutationAsync("ProductVariantAppendMedia", productId, pairs, ct);

    /// <summary>A product's first media and its variants' media; null when the product no longer exists.</summary>
    public async Task<ProductPictures?> ProductPicturesAsync(string productId, CancellationToken ct)
    {
        ShopifyPicture? product = null;
        var variants = new Dictionary<string, ShopifyPicture?>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var response = await client.ExecuteAsync("ProductImages", new { id = productId, variantsFirst = 100, after }, ct).ConfigureAwait(false);
            if (response.Data["product"] is not JObject node) return null;
            product = Picture(node["media"]?["nodes"]?.FirstOrDefault());
            foreach (var variant in (node["variants"]?["nodes"] as JArray ?? new JArray()).OfType<JObject>())
                variants[variant.Value<string>("id") ?? ""] = Picture(variant["media"]?["nodes"]?.FirstOrDefault());
            var page = node["variants"]?["pageInfo"];
            after = page?.Value<bool>("hasNextPage") == true ? page.Value<string>("endCursor") : null;
        }
        while (after is not null);
        return new ProductPictures(product, variants);
    }

    public async Task<byte[]> DownloadAsync(string url, CancellationToken ct)
    {
        using var response = await client.TransferAsync(() => new HttpRequestMessage(HttpMethod.Get, url), $"The download of {url}",
            HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The index a userError's field path gives in the list argument <paramref name="list"/> (e.g. <c>files.2.id</c> → 2).</summary>
    public static int? IndexIn(UserError error, string list)
    {
        var at = error.Field.ToList().IndexOf(list);
        return at >= 0 && at + 1 < error.Field.Count && int.TryParse(error.Field[at + 1], out var index) ? index : null;
    }

    private async Task<IReadOnlyList<UserError>> VariantMediaMutationAsync(string document, string productId,
        IReadOnlyList<(string VariantId, IReadOnlyList<string> MediaIds)> pairs, CancellationToken ct)
    {
        var variantMedia = pairs.Select(p => new { variantId = p.VariantId, mediaIds = p.MediaIds }).ToArray();
        return (await client.ExecuteAsync(document, new { productId, variantMedia }, ct).ConfigureAwait(false)).Payload().UserErrors;
    }

    private static ShopifyPicture? Picture(JToken? media) =>
        media is JObject m && m.Value<string>("mediaContentType") == "IMAGE" && m["image"]?.Value<string>("url") is { Length: > 0 } url
            ? new ShopifyPicture(m.Value<string>("id") ?? "", m["updatedAt"]?.Type == JTokenType.String && DateTimeOffset.TryParse(m.Value<string>("updatedAt"), out var at) ? at : null, url)
            : null;

    private static StagedFile Staged(LocalPicture picture, string fileName) => new("IMAGE", fileName, picture.Header.MimeType, picture.Content.Length);
}
