using ShopifyPS.Profiles;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>What an export says it would do under -WhatIf: the product it would create, or which fields of the product
/// in Shopify would change from what to what.</summary>
internal static class ProductPlanText
{
    private const int VariantsShown = 10;

    public static string Create(ProductDraft draft, IReadOnlyList<string> publications, DefaultLocationStock stock, Item item) =>
        $"Would create product '{draft.Title}' (status {ProductSetInput.Status(draft.Status)}, handle {ProductSetInput.Handle(draft.ItemNo)}, " +
        $"vendor '{draft.Vendor}', type '{draft.ProductType}', description {draft.DescriptionHtml.Length} characters) with " +
        $"{draft.Variants.Count} variant(s): " +
        string.Join("; ", draft.Variants.Take(VariantsShown).Select(v =>
            $"{ProductSetInput.OptionValue(draft, v)}: SKU '{v.Sku}', barcode '{v.Barcode}', price {ProductSetInput.Money(v.Price)}" +
            (v.CompareAtPrice is { } c ? $", compare-at {ProductSetInput.Money(c)}" : "") + $", cost {ProductSetInput.Money(v.UnitCost)}" +
            (stock.Any ? ", stocked at " + string.Join(", ", stock.For(item, v).Select(q => $"{q.LocationId} ({q.Quantity})")) : ""))) +
        (draft.Variants.Count > VariantsShown ? $"; and {draft.Variants.Count - VariantsShown} more" : "") +
        (publications.Count > 0 ? $"; published to {string.Join(", ", publications)}" : "; published nowhere (items.publications is empty)") +
        string.Concat(TranslationPlan.ForCreate(draft).Select(t => "; " + t)) + ".";
}
