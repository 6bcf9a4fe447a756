using System.Runtime.CompilerServices;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Images;

/// <summary>
/// Pictures to Shopify (M1 ToShopify, M2, M3). Each slot's file is checked against Shopify's media rules and hashed;
/// an unchanged hash sends nothing. Changed and new pictures go in batches: staged uploads, fileCreate, wait until
/// Shopify has processed them, attach them to their products, delete the media ShopifyPS uploaded before for the
/// same slot, and show variant pictures on their variants. The state (hash and media id) is saved only for a
/// picture that made it all the way, so a run that fails half-way uploads it again rather than never.
/// </summary>
internal sealed class ImageExport(ShopSession context, ShopifyHome home)
{
    /// <summary>Pictures per round of calls: each round costs about six requests whatever its size, and 50 keeps the status polls cheap.</summary>
    public const int BatchSize = 50;

    private readonly ShopifyMedia _shopify = new(context.Client);
    private string Shop => context.Profile.Name;

    /// <summary>One picture on its way (a class: it is a dictionary key while its media id is filled in).</summary>
    private sealed class Upload(PictureSlot slot, LocalPicture picture, PictureState? previous)
    {
        public PictureSlot Slot { get; } = slot;
        public LocalPicture Picture { get; } = picture;
        public PictureState? Previous { get; } = previous;
        public string MediaId { get; set; } = "";
        /// <summary>The previous media to delete once the new one is in place: only media ShopifyPS uploaded.</summary>
        public string? Replaces => Previous is { WeUploaded: true } p ? p.MediaId : null;
    }

    public async IAsyncEnumerable<SyncResult> RunAsync(IEnumerable<ShopProduct> products, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<Upload>();
        foreach (var product in products)
        {
            foreach (var slot in PictureSlot.Of(context.Store, product).Where(s => s.PicturePath.Length > 0))
            {
                var (result, upload) = Plan(slot);
                if (result is not null) yield return result;
                if (upload is null) continue;
                batch.Add(upload);
                if (batch.Count < BatchSize) continue;
                await foreach (var sent in SendAsync(batch, ct).ConfigureAwait(false)) yield return sent;
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            await foreach (var sent in SendAsync(batch, ct).ConfigureAwait(false)) yield return sent;
    }

    /// <summary>A result when nothing is to be sent (unchanged, skipped, or -WhatIf's plan); otherwise the upload.</summary>
    private (SyncResult? Result, Upload? Upload) Plan(PictureSlot slot)
    {
        var path = LocalPicture.Resolve(home, slot.PicturePath, out var problem);
        var picture = path is null ? null : LocalPicture.Load(path, out problem);
        if (picture is null) return (Skip(slot, problem), null);

        var previous = PictureState.Parse(context.Store.Connector.GetHash(Shop, ContentKind.Picture, slot.OwnerId));
        if (previous?.Sha256 == picture.Sha256)
            return (slot.Result(SyncAction.Unchanged, $"Picture {picture.FileName} is unchanged (media {previous.MediaId}).", context.WhatIf), null);
        var upload = new Upload(slot, picture, previous);
        if (!context.WhatIf) return (null, upload);
        return (slot.Result(previous is null ? SyncAction.Created : SyncAction.Updated, Describe(upload, "would upload", "would replace"), planned: true), null);
    }

    private async IAsyncEnumerable<SyncResult> SendAsync(List<Upload> batch, [EnumeratorCancellation] CancellationToken ct)
    {
        context.Progress.Report(RunEvent.Verbose($"Uploading {batch.Count} pictures."));
        var failed = new Dictionary<Upload, string>();
        var targets = await _shopify.StageAsync(batch.Select(u => u.Picture).ToList(), ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            try { await _shopify.UploadAsync(targets[i], batch[i].Picture, ct).ConfigureAwait(false); }
            catch (ShopifyHttpException ex) { failed[batch[i]] = ex.Message; }
        }

        var uploaded = batch.Where(u => !failed.ContainsKey(u)).ToList();
        var created = new List<Upload>();
        if (uploaded.Count > 0)
        {
            var (ids, errors) = await _shopify.CreateFilesAsync(
                uploaded.Select(u => (targets[batch.IndexOf(u)].ResourceUrl ?? "", u.Slot.Description)).ToList(), ct).ConfigureAwait(false);
            if (errors.Count > 0)
                foreach (var u in uploaded) failed[u] = "Shopify refused to create the file: " + string.Join("; ", errors);
            for (var i = 0; i < ids.Count; i++)
            {
                uploaded[i].MediaId = ids[i];
                created.Add(uploaded[i]);
            }
        }

        var refused = new Dictionary<Upload, string>();
        var orphans = new List<string>();
        if (created.Count > 0)
        {
            var outcomes = await _shopify.WaitUntilProcessedAsync(created.Select(u => u.MediaId).ToList(), ct).ConfigureAwait(false);
            foreach (var u in created.Where(u => !outcomes[u.MediaId].Ready))
            {
                // Shopify's own check refused the picture (M3): report it like the local checks do, and remove the file.
                var outcome = outcomes[u.MediaId];
                if (outcome.Status == "FAILED") refused[u] = $"Shopify refused the picture {u.Picture.Path}: {outcome.Reason}";
                else failed[u] = outcome.Reason;
                orphans.Add(u.MediaId);
            }
        }

        var ready = created.Where(u => !refused.ContainsKey(u) && !failed.ContainsKey(u)).ToList();
        if (ready.Count > 0)
        {
            var errors = await _shopify.AttachAsync(ready.Select(u => (u.MediaId, u.Slot.ProductId)).ToList(), ct).ConfigureAwait(false);
            FailByIndex(ready, errors, "files", failed, orphans, "Shopify refused to add the picture to the product");
        }
        var attached = ready.Where(u => !failed.ContainsKey(u)).ToList();

        var replaced = attached.Select(u => u.Replaces).OfType<string>().ToList();
        if (replaced.Count > 0) await _shopify.DeleteFilesAsync(replaced, ct).ConfigureAwait(false);

        var detached = await ShowOnVariantsAsync(attached.Where(u => u.Slot.IsVariant).ToList(), failed, orphans, ct).ConfigureAwait(false);
        if (orphans.Count > 0) await _shopify.DeleteFilesAsync(orphans, ct).ConfigureAwait(false);

        using (var transaction = context.Store.BeginTransaction())
        {
            foreach (var u in attached.Where(u => !failed.ContainsKey(u)))
                context.Store.Connector.SetHash(Shop, ContentKind.Picture, u.Slot.OwnerId, new PictureState(u.Picture.Sha256, PictureOrigin.Uploaded, u.MediaId).ToString());
            transaction.Commit();
        }

        foreach (var u in batch)
        {
            if (refused.TryGetValue(u, out var reason)) yield return Skip(u.Slot, reason);
            else if (failed.TryGetValue(u, out var error)) yield return u.Slot.Result(SyncAction.Failed, $"Picture {u.Picture.Path}: {error}");
            else yield return u.Slot.Result(u.Previous is null ? SyncAction.Created : SyncAction.Updated,
                Describe(u, "uploaded", "replaced") + $" as media {u.MediaId}" + (detached.TryGetValue(u, out var others) ? $"; detached media {others} (not ShopifyPS's) from the variant, it stays on the product" : "") + ".");
        }
    }

    /// <summary>
    /// Shows each variant picture on its variant. Media the variant shows that is not the new picture (someone else's,
    /// since ShopifyPS's previous picture was deleted) is detached first: a variant shows one picture, and the ERP is the
    /// master; the detached media stays on the product. Returns the media detached per upload.
    /// </summary>
    private async Task<Dictionary<Upload, string>> ShowOnVariantsAsync(IReadOnlyList<Upload> uploads, Dictionary<Upload, string> failed, List<string> orphans, CancellationToken ct)
    {
        var detached = new Dictionary<Upload, string>();
        if (uploads.Count == 0) return detached;
        var current = await _shopify.VariantMediaAsync(uploads.Select(u => u.Slot.VariantId).ToList(), ct).ConfigureAwait(false);
        foreach (var product in uploads.GroupBy(u => u.Slot.ProductId))
        {
            var pending = product.ToList();
            var others = pending
                .Select(u => (Upload: u, Media: (IReadOnlyList<string>)(current.GetValueOrDefault(u.Slot.VariantId) ?? []).Where(m => m != u.MediaId).ToList()))
                .Where(p => p.Media.Count > 0).ToList();
            if (others.Count > 0)
            {
                var errors = await _shopify.DetachAsync(product.Key, others.Select(p => (p.Upload.Slot.VariantId, p.Media)).ToList(), ct).ConfigureAwait(false);
                FailByIndex(others.Select(p => p.Upload).ToList(), errors, "variantMedia", failed, orphans, "Shopify refused to detach the variant's current media");
                foreach (var (u, media) in others.Where(p => !failed.ContainsKey(p.Upload))) detached[u] = string.Join(", ", media);
                pending = pending.Where(u => !failed.ContainsKey(u)).ToList();
            }
            if (pending.Count == 0) continue;
            var appendErrors = await _shopify.AppendAsync(product.Key, pending.Select(u => (u.Slot.VariantId, (IReadOnlyList<string>)[u.MediaId])).ToList(), ct).ConfigureAwait(false);
            FailByIndex(pending, appendErrors, "variantMedia", failed, orphans, "Shopify refused to show the picture on the variant");
        }
        return detached;
    }

    /// <summary>Marks the uploads that userErrors point at (by index in <paramref name="list"/>) as failed, and their new media
    /// for deletion; errors without an index fail them all.</summary>
    private static void FailByIndex(IReadOnlyList<Upload> uploads, IReadOnlyList<UserError> errors, string list, Dictionary<Upload, string> failed, List<string> orphans, string what)
    {
        foreach (var error in errors)
        {
            var index = ShopifyMedia.IndexIn(error, list);
            foreach (var u in index is { } i && i < uploads.Count ? [uploads[i]] : uploads)
            {
                if (failed.ContainsKey(u)) continue;
                failed[u] = $"{what}: {error}";
                orphans.Add(u.MediaId);
            }
        }
    }

    private string Describe(Upload u, string add, string replace) => u.Previous switch
    {
        null => $"{Capital(add)} {u.Picture} to {u.Slot.Label}",
        { WeUploaded: true } p => $"{Capital(replace)} media {p.MediaId} of {u.Slot.Label} with {u.Picture}",
        var p => $"{Capital(add)} {u.Picture} to {u.Slot.Label} (its media {p.MediaId} came from Shopify and stays)",
    };

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private SyncResult Skip(PictureSlot slot, string reason)
    {
        if (!context.WhatIf)
            context.Store.Connector.AddSkipped(new SkippedRecord
            {
                Shop = Shop, ShopifyId = slot.OwnerId, ItemNo = slot.ItemNo, RecordType = "Picture",
                Description = slot.VariantCode.Length > 0 ? $"{slot.ItemNo}/{slot.VariantCode}" : slot.ItemNo,
                Reason = reason, SkippedAt = DateTimeOffset.UtcNow,
            });
        return slot.Result(SyncAction.Skipped, Capital(reason) + ".", context.WhatIf);
    }
}
