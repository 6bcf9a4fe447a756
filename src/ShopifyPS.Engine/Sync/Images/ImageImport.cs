using System.Runtime.CompilerServices;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Images;

/// <summary>
/// Pictures from Shopify (M1 FromShopify, I8 media → Picture). For each linked product: its first media becomes the
/// item's picture and each variant's media its item variant's picture (or, for a variant mapped to another item, that
/// item's). A picture is downloaded only when its media id or updatedAt differs from what the connector last saw, into
/// <c>&lt;home&gt;/pictures/&lt;shop&gt;/</c>, and the item's PicturePath then points at the file. A product or variant
/// without media leaves the item's picture alone.
/// </summary>
internal sealed class ImageImport(ShopSession context, ShopifyHome home)
{
    private readonly ShopifyMedia _shopify = new(context.Client);
    private string Shop => context.Profile.Name;

    public async IAsyncEnumerable<SyncResult> RunAsync(IEnumerable<ShopProduct> products, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var product in products)
        {
            var slots = PictureSlot.Of(context.Store, product);
            if (slots.Count == 0) continue;
            var pictures = await _shopify.ProductPicturesAsync(product.Id, ct).ConfigureAwait(false);
            if (pictures is null)
            {
                yield return new SyncResult(SyncAction.Skipped, product.ItemNo, "", product.Id, "",
                    $"Product {product.Id} no longer exists in Shopify; run Sync-ShopifyProduct to update the connector.", context.WhatIf);
                continue;
            }
            foreach (var slot in slots)
            {
                var media = slot.IsVariant ? pictures.Variants.GetValueOrDefault(slot.VariantId) : pictures.Product;
                if (media is null) continue;
                yield return await ImportAsync(slot, media, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<SyncResult> ImportAsync(PictureSlot slot, ShopifyPicture media, CancellationToken ct)
    {
        var previous = PictureState.Parse(context.Store.Connector.GetHash(Shop, ContentKind.Picture, slot.OwnerId));
        // Media ShopifyPS uploaded holds the item's own picture; downloaded media is new only when it changed since.
        if (previous is not null && previous.MediaId == media.MediaId && (previous.WeUploaded || previous.MediaUpdatedAt == media.UpdatedAt))
            return slot.Result(SyncAction.Unchanged, $"Media {media.MediaId} of {slot.Label} is unchanged.", context.WhatIf);

        var action = slot.PicturePath.Length == 0 ? SyncAction.Created : SyncAction.Updated;
        var stem = Path.Combine(home.PicturesFolder, FileNames.Safe(Shop), FileNames.Safe(slot.VariantCode.Length > 0 ? $"{slot.ItemNo}_{slot.VariantCode}" : slot.ItemNo));
        if (context.WhatIf)
            return slot.Result(action, $"Would download media {media.MediaId} of {slot.Label} to {stem}.<ext> and set PicturePath of {Describe(slot)}.", planned: true);

        var content = await _shopify.DownloadAsync(media.Url, ct).ConfigureAwait(false);
        var header = ImageHeaderReader.Read(content, out _);
        var path = stem + (header?.Extension ?? FileNames.ExtensionOf(media.Url));
        var sha = LocalPicture.Hash(content);
        var unchangedFile = previous?.Sha256 == sha && File.Exists(path) && SamePath(slot.PicturePath, path);
        if (!unchangedFile)
        {
            home.CreateFolder(Path.GetDirectoryName(path)!);
            FileNames.WriteAtomically(path, content);
        }
        using (var transaction = context.Store.BeginTransaction())
        {
            if (!SamePath(slot.PicturePath, path)) SetPicturePath(slot, path);
            context.Store.Connector.SetHash(Shop, ContentKind.Picture, slot.OwnerId, new PictureState(sha, PictureOrigin.Downloaded, media.MediaId, media.UpdatedAt).ToString());
            transaction.Commit();
        }
        return unchangedFile
            ? slot.Result(SyncAction.Unchanged, $"Media {media.MediaId} of {slot.Label} has the same picture as {path}.")
            : slot.Result(action, $"Downloaded media {media.MediaId} of {slot.Label} to {path}" + (header is null ? "" : $" ({header})") + $"; PicturePath of {Describe(slot)} points at it.");
    }

    private void SetPicturePath(PictureSlot slot, string path)
    {
        if (slot.VariantCode.Length > 0)
            context.Store.Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = slot.ItemNo, Code = slot.VariantCode, PicturePath = path },
                [ErpTables.ItemVariants.Column("PicturePath")!]);
        else
            context.Store.Erp.Upsert(ErpTables.Items, new Item { No = slot.ItemNo, PicturePath = path }, [ErpTables.Items.Column("PicturePath")!]);
    }

    private bool SamePath(string picturePath, string path) =>
        picturePath.Length > 0 && string.Equals(home.ResolvePath(picturePath), path, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Describe(PictureSlot slot) => slot.VariantCode.Length > 0 ? $"item variant {slot.ItemNo}/{slot.VariantCode}" : $"item {slot.ItemNo}";
}
