using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Images;

/// <summary>
/// One place a picture lives in Shopify, a product or one of its variants, and the ERP picture it mirrors: the
/// item's picture for the product; for a variant, its item variant's picture, or (for a variant mapped to another
/// item than the product's) that item's picture. A variant mapped to the product's own item has no slot: the
/// product's picture shows for it.
/// </summary>
public sealed record PictureSlot(string ProductId, string VariantId, string ItemNo, string VariantCode, string PicturePath, string Description)
{
    /// <summary>The product or variant id the picture state is kept under.</summary>
    public string OwnerId => IsVariant ? VariantId : ProductId;
    public bool IsVariant => VariantId.Length > 0;

    /// <summary>What the slot is, for messages: "product gid://…/1" or "variant gid://…/7".</summary>
    public string Label => IsVariant ? $"variant {VariantId}" : $"product {ProductId}";

    public SyncResult Result(SyncAction action, string message, bool planned = false, ErrorId? error = null) =>
        new(action, ItemNo, VariantCode, ProductId, VariantId, message, planned, error);

    /// <summary>The product's slot and its variants' slots; an item that no longer exists gives no slot.</summary>
    public static IReadOnlyList<PictureSlot> Of(SqliteStore store, ShopProduct product)
    {
        var slots = new List<PictureSlot>();
        if (ItemOf(store, product.ItemNo) is { } item)
            slots.Add(new PictureSlot(product.Id, "", item.No, "", item.PicturePath, item.Description));
        foreach (var variant in store.Connector.VariantsOfProduct(product.Shop, product.Id).Where(v => v.ItemNo.Length > 0))
        {
            if (variant.VariantCode.Length > 0)
            {
                var itemVariant = store.Erp.Rows(ErpTables.ItemVariants, ("ItemNo", variant.ItemNo), ("Code", variant.VariantCode)).FirstOrDefault();
                if (itemVariant is not null)
                    slots.Add(new PictureSlot(product.Id, variant.Id, variant.ItemNo, variant.VariantCode, itemVariant.PicturePath, itemVariant.Description));
            }
            else if (variant.ItemNo != product.ItemNo && ItemOf(store, variant.ItemNo) is { } other)
                slots.Add(new PictureSlot(product.Id, variant.Id, other.No, "", other.PicturePath, other.Description));
        }
        return slots;
    }

    private static Item? ItemOf(SqliteStore store, string itemNo) =>
        itemNo.Length == 0 ? null : store.Erp.Rows(ErpTables.Items, ("No", itemNo)).FirstOrDefault();
}
