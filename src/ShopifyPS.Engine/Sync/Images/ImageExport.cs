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
internal sealed class ImageExport(ShopSession context, ShopifyHome home, bool scaleDown)
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
        /// <summary>What this picture's file is called in Shopify, so it can be found again (<see cref="PictureMarker"/>).</summary>
        public string Marker { get; } = PictureMarker.Of(slot.OwnerId, picture.Sha256);
        public string FileName => PictureMarker.FileName(Marker, Picture);
        /// <summary>The marker of an earlier upload for this slot that never got all the way, or null.</summary>
        public string? Pending { get; init; }
        /// <summary>The file is one an earlier attempt created (found by its marker), not one this run uploaded.</summary>
        public bool Adopted { get; set; }
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
        var picture = path is null ? null : LocalPicture.Load(path, scaleDown, out problem);
        if (picture is null) return (Skip(slot, problem, ErrorCatalog.PictureUnusable), null);

        var previous = PictureState.Parse(context.Store.Connector.GetHash(Shop, ContentKind.Picture, slot.OwnerId));
        if (previous?.Sha256 == picture.Sha256)
            return (slot.Result(SyncAction.Unchanged, $"Picture {picture.FileName} is unchanged (media {previous.MediaId}).", context.WhatIf), null);
        var pending = context.Store.Connector.GetHash(Shop, ContentKind.PictureUpload, slot.OwnerId);
        var upload = new Upload(slot, picture, previous) { Pending = string.IsNullOrEmpty(pending) ? null : pending };
        if (!context.WhatIf) return (null, upload);
        return (slot.Result(previous is null ? SyncAction.Created : SyncAction.Updated, Describe(upload, "would upload", "would replace"), planned: true), null);
    }

    /// <summary>
    /// One round of uploads. Every Shopify failure fails the pictures it concerns, never the run. fileCreate and the
    /// variant media mutations cannot be replayed blindly (a replay would create or attach twice), so when their answer
    /// is lost the round first finds out what Shopify did (files by their marker, what the variants show) and goes on
    /// from there. The marker of each upload is recorded before fileCreate and cleared once the picture got all the
    /// way (or its file is known to be gone), so a run that dies anyway leaves the next run enough to adopt or remove
    /// the file: the end state is that of a run without faults.
    /// </summary>
    private async IAsyncEnumerable<SyncResult> SendAsync(List<Upload> batch, [EnumeratorCancellation] CancellationToken ct)
    {
        context.Progress.Report(RunEvent.Verbose($"Uploading {batch.Count} pictures."));
        var failed = new Dictionary<Upload, string>();
        var orphans = new List<string>();
        var uncertain = new HashSet<Upload>();

        foreach (var u in batch.Where(u => u.Pending is not null))
            await RecoverAsync(u, failed, orphans, uncertain, ct).ConfigureAwait(false);
        var fresh = batch.Where(u => !u.Adopted && !failed.ContainsKey(u)).ToList();
        SetPending(fresh, u => u.Marker);
        var created = batch.Where(u => u.Adopted && !failed.ContainsKey(u)).ToList();
        if (fresh.Count > 0) created.AddRange(await CreateAsync(fresh, failed, orphans, uncertain, ct).ConfigureAwait(false));

        var refused = new Dictionary<Upload, string>();
        if (created.Count > 0)
        {
            var outcomes = await Guarded(created, failed, "Shopify's processing could not be checked",
                () => _shopify.WaitUntilProcessedAsync(created.Select(u => u.MediaId).ToList(), ct)).ConfigureAwait(false);
            if (outcomes is null) orphans.AddRange(created.Select(u => u.MediaId));
            foreach (var u in created.Where(u => outcomes is not null && !outcomes[u.MediaId].Ready))
            {
                // Shopify's own check refused the picture (M3): report it like the local checks do, and remove the file.
                var outcome = outcomes![u.MediaId];
                if (outcome.Status == "FAILED") refused[u] = $"Shopify refused the picture {u.Picture.Path}: {outcome.Reason}";
                else failed[u] = outcome.Reason;
                orphans.Add(u.MediaId);
            }
        }

        var ready = created.Where(u => !refused.ContainsKey(u) && !failed.ContainsKey(u)).ToList();
        if (ready.Count > 0)
        {
            var errors = await Guarded(ready, failed, "Shopify did not add the picture to the product",
                () => _shopify.AttachAsync(ready.Select(u => (u.MediaId, u.Slot.ProductId)).ToList(), ct)).ConfigureAwait(false);
            FailByIndex(ready, errors ?? [], "files", failed, orphans, "Shopify refused to add the picture to the product");
            if (errors is null) orphans.AddRange(ready.Select(u => u.MediaId));
        }
        var attached = ready.Where(u => !failed.ContainsKey(u)).ToList();

        var replacing = attached.Where(u => u.Replaces is not null).ToList();
        if (replacing.Count > 0 && await Guarded(replacing, failed, "the picture it replaces could not be deleted; the next run deletes it",
                async () =>
                {
                    await _shopify.DeleteFilesAsync(replacing.Select(u => u.Replaces!).ToList(), ct).ConfigureAwait(false);
                    return replacing;
                }).ConfigureAwait(false) is null)
            uncertain.UnionWith(replacing);

        var detached = await ShowOnVariantsAsync(attached.Where(u => u.Slot.IsVariant && !failed.ContainsKey(u)).ToList(), failed, orphans, ct).ConfigureAwait(false);
        if (orphans.Count > 0)
        {
            try
            {
                await _shopify.DeleteFilesAsync(orphans, ct).ConfigureAwait(false);
            }
            catch (ShopifyException ex) when (IsRecordFault(ex))
            {
                // The markers stay, so the next run finds these files and removes them.
                context.Progress.Report(RunEvent.Warning($"{orphans.Count} picture file(s) ShopifyPS created could not be removed yet ({ex.Message}); the next run removes them."));
                uncertain.UnionWith(batch.Where(u => failed.ContainsKey(u) || refused.ContainsKey(u)));
            }
        }

        using (var transaction = context.Store.BeginTransaction())
        {
            foreach (var u in attached.Where(u => !failed.ContainsKey(u)))
                context.Store.Connector.SetHash(Shop, ContentKind.Picture, u.Slot.OwnerId, new PictureState(u.Picture.Sha256, PictureOrigin.Uploaded, u.MediaId).ToString());
            transaction.Commit();
        }
        SetPending(batch.Where(u => !uncertain.Contains(u)), _ => "");

        foreach (var u in batch)
        {
            if (refused.TryGetValue(u, out var reason)) yield return Skip(u.Slot, reason, ErrorCatalog.UserError);
            else if (failed.TryGetValue(u, out var error)) yield return u.Slot.Result(SyncAction.Failed, $"Picture {u.Picture.Path}: {error}");
            else yield return u.Slot.Result(u.Previous is null ? SyncAction.Created : SyncAction.Updated,
                Describe(u, "uploaded", "replaced") + $" as media {u.MediaId}" + (u.Adopted ? " (the file an interrupted attempt had created)" : "") +
                (detached.TryGetValue(u, out var others) ? $"; detached media {others} (not ShopifyPS's) from the variant, it stays on the product" : "") + ".");
        }
    }

    /// <summary>Stages, uploads and creates the files of <paramref name="fresh"/>; returns those that have a file.</summary>
    private async Task<List<Upload>> CreateAsync(List<Upload> fresh, Dictionary<Upload, string> failed, List<string> orphans, HashSet<Upload> uncertain, CancellationToken ct)
    {
        var targets = await Guarded(fresh, failed, "Shopify did not hand out upload targets",
            () => _shopify.StageAsync(fresh.Select(u => (u.Picture, u.FileName)).ToList(), ct)).ConfigureAwait(false);
        if (targets is null) return [];
        for (var i = 0; i < fresh.Count; i++)
        {
            try { await _shopify.UploadAsync(targets[i], fresh[i].Picture, fresh[i].FileName, ct).ConfigureAwait(false); }
            catch (ShopifyException ex) when (IsRecordFault(ex)) { failed[fresh[i]] = ex.Message; }
        }

        var uploaded = fresh.Where(u => !failed.ContainsKey(u)).ToList();
        var created = new List<Upload>();
        // A second attempt only for the files Shopify is known not to have created (looked up by their marker).
        for (var attempt = 0; attempt < 2 && uploaded.Count > 0; attempt++)
        {
            try
            {
                var (ids, errors) = await _shopify.CreateFilesAsync(
                    uploaded.Select(u => (targets[fresh.IndexOf(u)].ResourceUrl ?? "", u.Slot.Description, u.FileName)).ToList(), ct).ConfigureAwait(false);
                if (errors.Count > 0)
                    foreach (var u in uploaded) failed[u] = "Shopify refused to create the file: " + string.Join("; ", errors);
                for (var i = 0; i < ids.Count; i++) uploaded[i].MediaId = ids[i];
                if (ids.Count > 0) created.AddRange(uploaded);
                return created;
            }
            catch (ShopifyException ex) when (IsRecordFault(ex))
            {
                // The answer is lost or Shopify failed: whether it created the files is found out by their marker.
                var missing = new List<Upload>();
                foreach (var u in uploaded)
                {
                    if (await AdoptAsync(u, u.Marker, failed, orphans, uncertain, ct).ConfigureAwait(false)) created.Add(u);
                    else if (!failed.ContainsKey(u)) missing.Add(u);
                }
                if (attempt == 1)
                    foreach (var u in missing) failed[u] = $"Shopify did not create the file ({ex.Message}); run the sync again";
                uploaded = missing;
            }
        }
        return created;
    }

    /// <summary>An earlier upload for this slot never got all the way: adopt its file when it holds this picture, and
    /// remove every other file it may have left.</summary>
    private Task RecoverAsync(Upload u, Dictionary<Upload, string> failed, List<string> orphans, HashSet<Upload> uncertain, CancellationToken ct) =>
        u.Pending == u.Marker
            ? AdoptAsync(u, u.Marker, failed, orphans, uncertain, ct)
            : AdoptAsync(u, u.Pending!, failed, orphans, uncertain, ct, adopt: false);

    /// <summary>Looks the marker up: with <paramref name="adopt"/>, the first usable file becomes the upload's media;
    /// every other file under the marker is an orphan. False when no file was adopted.</summary>
    private async Task<bool> AdoptAsync(Upload u, string marker, Dictionary<Upload, string> failed, List<string> orphans, HashSet<Upload> uncertain,
        CancellationToken ct, bool adopt = true)
    {
        IReadOnlyList<(string Id, string Status)> files;
        try
        {
            files = await _shopify.MarkedFilesAsync(marker, ct).ConfigureAwait(false);
        }
        catch (ShopifyException ex) when (IsRecordFault(ex))
        {
            failed[u] = $"whether an earlier attempt left a file could not be checked ({ex.Message}); the next run checks again";
            uncertain.Add(u);
            return false;
        }
        var usable = adopt ? files.FirstOrDefault(f => f.Status != "FAILED").Id : null;
        orphans.AddRange(files.Select(f => f.Id).Where(id => id != usable));
        if (usable is null) return false;
        u.MediaId = usable;
        u.Adopted = true;
        return true;
    }

    private void SetPending(IEnumerable<Upload> uploads, Func<Upload, string> marker)
    {
        using var transaction = context.Store.BeginTransaction();
        foreach (var u in uploads) context.Store.Connector.SetHash(Shop, ContentKind.PictureUpload, u.Slot.OwnerId, marker(u));
        transaction.Commit();
    }

    /// <summary>Runs one Shopify call for <paramref name="uploads"/>; a failure of the call fails those pictures (null), not the run.</summary>
    private static async Task<T?> Guarded<T>(IReadOnlyList<Upload> uploads, Dictionary<Upload, string> failed, string what, Func<Task<T>> call) where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ShopifyException ex) when (IsRecordFault(ex))
        {
            foreach (var u in uploads) failed.TryAdd(u, $"{what}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Failures that concern the calls of this round (Shopify's answers, lost connections), not the whole run
    /// (authentication, the kill switch), which still stop it.</summary>
    private static bool IsRecordFault(ShopifyException ex) =>
        ex is ShopifyHttpException or ShopifyUnreachableException or ShopifyGraphQLException or ShopifyUserErrorException;

    /// <summary>
    /// Shows each variant picture on its variant. Media the variant shows that is not the new picture (someone else's,
    /// since ShopifyPS's previous picture was deleted) is detached first: a variant shows one picture, and the ERP is the
    /// master; the detached media stays on the product. When the answer to a detach or append is lost, what the variants
    /// show is read again and only what is still missing is sent again. Returns the media detached per upload.
    /// </summary>
    private async Task<Dictionary<Upload, string>> ShowOnVariantsAsync(IReadOnlyList<Upload> uploads, Dictionary<Upload, string> failed, List<string> orphans, CancellationToken ct)
    {
        var detached = new Dictionary<Upload, string>();
        if (uploads.Count == 0) return detached;
        var current = await ReadVariantMediaAsync(uploads, failed, orphans, ct).ConfigureAwait(false);
        foreach (var product in uploads.Where(u => !failed.ContainsKey(u)).GroupBy(u => u.Slot.ProductId))
        {
            var pending = product.ToList();
            var others = pending
                .Select(u => (Upload: u, Media: (IReadOnlyList<string>)(current.GetValueOrDefault(u.Slot.VariantId) ?? []).Where(m => m != u.MediaId).ToList()))
                .Where(p => p.Media.Count > 0).ToList();
            if (others.Count > 0)
            {
                await VariantMediaAsync(product.Key, others, _shopify.DetachAsync, (shown, u, media) => !media.Any(shown.Contains),
                    failed, orphans, "Shopify refused to detach the variant's current media", ct).ConfigureAwait(false);
                foreach (var (u, media) in others.Where(p => !failed.ContainsKey(p.Upload))) detached[u] = string.Join(", ", media);
            }
            // An adopted file may be on its variant already: appending it again would be refused.
            var toAppend = pending.Where(u => !failed.ContainsKey(u) && !(current.GetValueOrDefault(u.Slot.VariantId) ?? []).Contains(u.MediaId))
                .Select(u => (Upload: u, Media: (IReadOnlyList<string>)[u.MediaId])).ToList();
            if (toAppend.Count > 0)
                await VariantMediaAsync(product.Key, toAppend, _shopify.AppendAsync, (shown, u, _) => shown.Contains(u.MediaId),
                    failed, orphans, "Shopify refused to show the picture on the variant", ct).ConfigureAwait(false);
        }
        return detached;
    }

    /// <summary>One detach or append call; when its answer is lost, the variants are read again, the pairs already done
    /// (<paramref name="done"/>) count as done and the rest is sent once more.</summary>
    private async Task VariantMediaAsync(string productId, List<(Upload Upload, IReadOnlyList<string> Media)> pairs,
        Func<string, IReadOnlyList<(string, IReadOnlyList<string>)>, CancellationToken, Task<IReadOnlyList<UserError>>> call,
        Func<IReadOnlyList<string>, Upload, IReadOnlyList<string>, bool> done, Dictionary<Upload, string> failed, List<string> orphans, string what, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var errors = await call(productId, pairs.Select(p => (p.Upload.Slot.VariantId, p.Media)).ToList(), ct).ConfigureAwait(false);
                FailByIndex(pairs.Select(p => p.Upload).ToList(), errors, "variantMedia", failed, orphans, what);
                return;
            }
            catch (ShopifyException ex) when (IsRecordFault(ex) && attempt == 0)
            {
                var shown = await ReadVariantMediaAsync(pairs.Select(p => p.Upload).ToList(), failed, orphans, ct).ConfigureAwait(false);
                pairs = pairs.Where(p => !failed.ContainsKey(p.Upload) && !done(shown.GetValueOrDefault(p.Upload.Slot.VariantId) ?? [], p.Upload, p.Media)).ToList();
                if (pairs.Count == 0) return;
            }
            catch (ShopifyException ex) when (IsRecordFault(ex))
            {
                foreach (var (u, _) in pairs.Where(p => !failed.ContainsKey(p.Upload)))
                {
                    failed[u] = $"{what}: {ex.Message}";
                    orphans.Add(u.MediaId);
                }
                return;
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadVariantMediaAsync(IReadOnlyList<Upload> uploads, Dictionary<Upload, string> failed,
        List<string> orphans, CancellationToken ct)
    {
        var media = await Guarded(uploads, failed, "what the variant shows could not be read",
            () => _shopify.VariantMediaAsync(uploads.Select(u => u.Slot.VariantId).ToList(), ct)).ConfigureAwait(false);
        if (media is null) orphans.AddRange(uploads.Select(u => u.MediaId));
        return media ?? new Dictionary<string, IReadOnlyList<string>>();
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

    /// <summary>A picture that cannot be sent: skipped (the rest of the run goes on), recorded, and reported with its error id.</summary>
    private SyncResult Skip(PictureSlot slot, string reason, ErrorId error)
    {
        if (!context.WhatIf)
            context.Store.Connector.AddSkipped(new SkippedRecord
            {
                Shop = Shop, ShopifyId = slot.OwnerId, ItemNo = slot.ItemNo, RecordType = "Picture",
                Description = slot.VariantCode.Length > 0 ? $"{slot.ItemNo}/{slot.VariantCode}" : slot.ItemNo,
                Reason = reason, SkippedAt = DateTimeOffset.UtcNow,
            });
        return slot.Result(SyncAction.Skipped, Capital(reason) + ".", context.WhatIf, error);
    }
}
