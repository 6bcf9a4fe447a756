using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Builds the Shopify product an item should become (E9 field map, E3–E8), or says why the item cannot be
/// exported — before any API call is made.
/// </summary>
public static class ProductBuilder
{
    /// <summary>Shopify's limit on variants per product.</summary>
    public const int MaxVariants = 2048;

    public const string BlockedReason = "Item is blocked or sales blocked, so it is not exported: clear Blocked and SalesBlocked in the ERP, or with Set-ShopifyItem -Blocked $false -SalesBlocked $false.";
    public const string EmptyDescriptionReason = "Item description is empty.";
    public const string BlockedVariantReason = "Item variant is blocked or sales blocked, so it is not exported: clear its Blocked flag in the ERP, or in the variants passed to Set-ShopifyItem -Variants.";
    public static readonly string TooManyVariantsReason = $"Item has more than {MaxVariants} variants. Shopify allows a maximum of {MaxVariants} variants per product.";

    /// <summary>Why the item cannot be exported, or null when it can.</summary>
    public static string? CannotExportReason(ItemExportData data)
    {
        if (data.Item.Blocked || data.Item.SalesBlocked) return BlockedReason;
        if (string.IsNullOrWhiteSpace(data.Item.Description)) return EmptyDescriptionReason;
        if (data.Variants.Count(v => !v.Blocked) > MaxVariants) return TooManyVariantsReason;
        return null;
    }

    /// <summary>Builds the product; call <see cref="CannotExportReason"/> first.</summary>
    public static ProductDraft Build(ItemExportData data, ItemSettings settings, DateOnly today)
    {
        var item = data.Item;
        var variants = data.Variants.Where(v => !v.Blocked).OrderBy(v => v.Code, StringComparer.Ordinal).ToList();
        var draft = new ProductDraft
        {
            ItemNo = item.No,
            Title = Title(data, settings.LanguageCode),
            DescriptionHtml = DescriptionHtml.Build(data, settings.SyncItemExtendedText, settings.SyncItemAttributes, settings.LanguageCode, today, settings.SyncItemMarketingText),
            Vendor = data.Vendor is null ? item.VendorNo : Fallback(data.Vendor.Name, data.Vendor.No),
            ProductType = data.Category is null ? item.ItemCategoryCode : Fallback(data.Category.Description, data.Category.Code),
            Status = settings.StatusForCreatedProducts switch
            {
                CreatedProductStatus.Draft => ProductStatus.Draft,
                CreatedProductStatus.Unlisted => ProductStatus.Unlisted,
                _ => ProductStatus.Active,
            },
            HasVariants = variants.Count > 0,
        };
        foreach (var blocked in data.Variants.Where(v => v.Blocked))
            draft.SkippedVariants.Add((blocked.Code, BlockedVariantReason));

        if (variants.Count == 0)
            draft.Variants.Add(Variant(data, settings, "", "", ""));
        else
            foreach (var variant in variants)
                draft.Variants.Add(Variant(data, settings, variant.Code, variant.Code, Fallback(variant.Description, variant.Code)));
        return draft;
    }

    private static VariantDraft Variant(ItemExportData data, ItemSettings settings, string variantCode, string optionValue, string title)
    {
        var barcode = ExportSku.Barcode(data, variantCode);
        return new VariantDraft
        {
            VariantCode = variantCode,
            OptionValue = optionValue,
            Title = title,
            Barcode = barcode,
            Sku = ExportSku.For(settings.SkuMapping, settings.SkuFieldSeparator, data, variantCode, barcode),
            Price = data.Item.UnitPrice,
            UnitCost = data.Item.UnitCost,
            Weight = data.Item.GrossWeight,
            Tracked = settings.InventoryTracked,
            InventoryPolicy = settings.DefaultInventoryPolicy,
            TaxCode = data.Item.VatProdPostingGroup,
            Customs = settings.SyncHsCodeAndCountry ? CustomsData.Of(data.Item) : null,
        };
    }

    // E5: the translation in the shop's language when there is one; tabs would show in Shopify's admin.
    private static string Title(ItemExportData data, string languageCode)
    {
        var translated = languageCode.Length == 0 ? null
            : data.Translations.FirstOrDefault(t => t.LanguageCode == languageCode && t.VariantCode.Length == 0 && t.Description.Length > 0)?.Description;
        return (translated ?? data.Item.Description).Replace('\t', ' ').Trim();
    }

    private static string Fallback(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
