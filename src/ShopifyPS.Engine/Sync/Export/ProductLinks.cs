using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Records a created product in the connector state, in one transaction: the product linked to its item, each variant
/// linked to its item variant and unit (by its option values) with its inventory item, what was sent for each (the records an update
/// compares with), and the end of the pending create. Variants Shopify no longer has lose their local record.
/// </summary>
internal static class ProductLinks
{
    /// <param name="found">The product was found by its handle (a create that ran before, whose answer was lost): what
    /// Shopify shows is recorded as sent, where a read shows it, so the next sync sends whatever still differs.</param>
    public static void Save(IConnectorStore connector, string shop, ShopifyProduct product, ProductDraft draft, bool found)
    {
        using var transaction = connector.BeginTransaction();
        connector.SaveProduct(new ShopProduct
        {
            Shop = shop,
            Id = product.Id,
            Title = product.Title,
            Status = ParseStatus(product.Status),
            UpdatedAt = product.UpdatedAt,
            ItemNo = draft.ItemNo,
            LastSyncedAt = DateTimeOffset.UtcNow,
            Vendor = product.Vendor,
            HasVariants = !product.HasOnlyDefaultVariant,
        });
        var sent = SentFields.Of(draft, []);
        if (found)
        {
            sent.Values["title"] = product.Title;
            sent.Values["descriptionHtml"] = product.DescriptionHtml;
            sent.Values["vendor"] = product.Vendor;
            sent.Values["productType"] = product.ProductType;
        }
        sent.SaveProduct(connector, shop, product.Id);
        MetafieldPlan.Record(connector, shop, product.Id, draft.Metafields, []);
        var byOption = draft.Variants.ToDictionary(v => ProductSetInput.OptionValue(draft, v), StringComparer.OrdinalIgnoreCase);
        var kept = new HashSet<string>();
        var unitSlot = draft.UnitOptionName is null ? 0 : ProductSetInput.OptionNames(draft).Count;
        foreach (var variant in product.Variants)
        {
            var value = string.Join(" / ", variant.SelectedOptions.Select(o => o.Value));
            if (!byOption.TryGetValue(value, out var draftVariant)) continue;
            kept.Add(variant.Id);
            connector.SaveVariant(new ShopVariant
            {
                Shop = shop,
                Id = variant.Id,
                ProductId = product.Id,
                Sku = variant.Sku,
                Barcode = variant.Barcode,
                ItemNo = draft.ItemNo,
                VariantCode = draftVariant.VariantCode,
                MappedByItem = !draft.HasVariants,
                InventoryItemId = variant.InventoryItemId,
                Tracked = variant.Tracked,
                UnitOfMeasure = ProductSetInput.UnitOption(draft, draftVariant),
                UomOptionId = unitSlot,
            });
            var record = SentFields.Of(draftVariant);
            if (found)
            {
                record.Values["price"] = ProductSetInput.Money(variant.Price);
                record.Values["compareAtPrice"] = variant.CompareAtPrice is { } c ? ProductSetInput.Money(c) : "";
                record.Values["barcode"] = variant.Barcode;
                record.Values["inventoryPolicy"] = variant.InventoryPolicy;
                record.Values["sku"] = variant.Sku;
                record.Values["tracked"] = variant.Tracked ? "true" : "false";
            }
            record.SaveVariant(connector, shop, variant.Id);
            MetafieldPlan.Record(connector, shop, variant.Id, draftVariant.Metafields, []);
        }
        foreach (var gone in connector.VariantsOfProduct(shop, product.Id).Where(v => !kept.Contains(v.Id)))
            connector.DeleteVariant(shop, gone.Id);
        connector.DeleteHash(shop, ContentKind.PendingCreate, ProductSetInput.Handle(draft.ItemNo));
        transaction.Commit();
    }

    /// <summary>Shopify's ProductStatus (ACTIVE, DRAFT, ...) as the connector's.</summary>
    public static ProductStatus ParseStatus(string status) =>
        Enum.TryParse<ProductStatus>(status, ignoreCase: true, out var parsed) ? parsed : ProductStatus.Active;
}
