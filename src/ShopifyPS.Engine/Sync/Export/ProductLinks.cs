using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Records what an export sent in the connector state, in one transaction: the product linked to its item with the
/// content hash, each variant linked to its item variant (by option value) with its inventory item, and the prices
/// sent per variant. Variants Shopify no longer has lose their local record.
/// </summary>
internal static class ProductLinks
{
    public static void Save(IConnectorStore connector, string shop, ShopifyProduct product, ProductDraft draft, string contentHash)
    {
        using var transaction = connector.BeginTransaction();
        connector.SaveProduct(new ShopProduct
        {
            Shop = shop,
            Id = product.Id,
            Title = product.Title,
            Status = ParseStatus(product.Status),
            Tags = ProductTags.Join(product.Tags),
            UpdatedAt = product.UpdatedAt,
            ItemNo = draft.ItemNo,
            ContentHash = contentHash,
            LastSyncedAt = DateTimeOffset.UtcNow,
        });
        var byOption = draft.Variants.ToDictionary(v => ProductSetInput.OptionValue(draft, v), StringComparer.OrdinalIgnoreCase);
        var kept = new HashSet<string>();
        foreach (var variant in product.Variants)
        {
            var value = variant.SelectedOptions.FirstOrDefault()?.Value ?? "";
            if (!byOption.TryGetValue(value, out var sent)) continue;
            kept.Add(variant.Id);
            connector.SaveVariant(new ShopVariant
            {
                Shop = shop,
                Id = variant.Id,
                ProductId = product.Id,
                Sku = variant.Sku,
                Barcode = variant.Barcode,
                ItemNo = draft.ItemNo,
                VariantCode = sent.VariantCode,
                MappedByItem = !draft.HasVariants,
                InventoryItemId = variant.InventoryItemId,
                Tracked = variant.Tracked,
            });
            connector.SetHash(shop, ContentKind.Variant, variant.Id, VariantPrices.From(sent).Format());
        }
        foreach (var gone in connector.VariantsOfProduct(shop, product.Id).Where(v => !kept.Contains(v.Id)))
            connector.DeleteVariant(shop, gone.Id);
        transaction.Commit();
    }

    /// <summary>Shopify's ProductStatus (ACTIVE, DRAFT, ...) as the connector's.</summary>
    public static ProductStatus ParseStatus(string status) =>
        Enum.TryParse<ProductStatus>(status, ignoreCase: true, out var parsed) ? parsed : ProductStatus.Active;
}
