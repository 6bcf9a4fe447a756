using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>What an export says it would do under -WhatIf: the product it would create, or which fields of the product
/// in Shopify would change from what to what.</summary>
internal static class ProductPlanText
{
    private const int VariantsShown = 10;

    public static string Create(ProductDraft draft) =>
        $"Would create product '{draft.Title}' (status {ProductSetInput.Status(draft.Status)}, handle {ProductSetInput.Handle(draft.ItemNo)}, " +
        $"vendor '{draft.Vendor}', type '{draft.ProductType}', description {draft.DescriptionHtml.Length} characters) with " +
        $"{draft.Variants.Count} variant(s): " +
        string.Join("; ", draft.Variants.Take(VariantsShown).Select(v =>
            $"{ProductSetInput.OptionValue(draft, v)}: SKU '{v.Sku}', barcode '{v.Barcode}', price {ProductSetInput.Money(v.Price)}" +
            (v.CompareAtPrice is { } c ? $", compare-at {ProductSetInput.Money(c)}" : "") + $", cost {ProductSetInput.Money(v.UnitCost)}")) +
        (draft.Variants.Count > VariantsShown ? $"; and {draft.Variants.Count - VariantsShown} more" : "") + ".";

    /// <summary>The fields that differ between the product in Shopify and what would be sent ("title: 'A' → 'B'").</summary>
    public static IReadOnlyList<string> Changes(ShopifyProduct current, ProductDraft draft, IReadOnlyList<string> tags)
    {
        var changes = new List<string>();
        Compare(changes, "title", current.Title, draft.Title);
        Compare(changes, "vendor", current.Vendor, draft.Vendor);
        Compare(changes, "product type", current.ProductType, draft.ProductType);
        if (current.DescriptionHtml != draft.DescriptionHtml)
            changes.Add($"description: {current.DescriptionHtml.Length} → {draft.DescriptionHtml.Length} characters");
        Compare(changes, "tags", string.Join(", ", current.Tags.Order(StringComparer.OrdinalIgnoreCase)),
            string.Join(", ", tags.Order(StringComparer.OrdinalIgnoreCase)));

        var existing = current.Variants.ToDictionary(v => v.SelectedOptions.FirstOrDefault()?.Value ?? "", StringComparer.OrdinalIgnoreCase);
        foreach (var variant in draft.Variants)
        {
            var value = ProductSetInput.OptionValue(draft, variant);
            if (!existing.Remove(value, out var now))
            {
                changes.Add($"variant {value}: new (SKU '{variant.Sku}', price {ProductSetInput.Money(variant.Price)})");
                continue;
            }
            var prefix = $"variant {value} ";
            Compare(changes, prefix + "SKU", now.Sku, variant.Sku);
            Compare(changes, prefix + "barcode", now.Barcode, variant.Barcode);
            Compare(changes, prefix + "price", ProductSetInput.Money(now.Price), ProductSetInput.Money(variant.Price));
            Compare(changes, prefix + "compare-at", Money(now.CompareAtPrice), Money(variant.CompareAtPrice));
            Compare(changes, prefix + "inventory policy", now.InventoryPolicy, variant.InventoryPolicy == InventoryPolicy.Continue ? "CONTINUE" : "DENY");
            Compare(changes, prefix + "tracked", now.Tracked.ToString(), variant.Tracked.ToString());
        }
        changes.AddRange(existing.Keys.Select(value => $"variant {value}: removed"));
        return changes;
    }

    private static void Compare(List<string> changes, string field, string now, string wanted)
    {
        if (now != wanted) changes.Add($"{field}: '{now}' → '{wanted}'");
    }

    private static string Money(decimal? amount) => amount is { } a ? ProductSetInput.Money(a) : "";
}
