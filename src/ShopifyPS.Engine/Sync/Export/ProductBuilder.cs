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
    public static string? CannotExportReason(ItemExportData data, ItemSettings settings)
    {
        if (data.Item.Blocked || data.Item.SalesBlocked) return BlockedReason;
        if (string.IsNullOrWhiteSpace(data.Item.Description)) return EmptyDescriptionReason;
        // Business Central counts item variants times units when units are variants (CheckItemVariantCount).
        if (Math.Max(1, data.Variants.Count(v => !v.Blocked)) * Units(data, settings).Count > MaxVariants) return TooManyVariantsReason;
        if (!settings.UomAsVariant && ItemUnits.UnknownSalesUnitReason(data.Item, data.Units) is { } unknownUnit) return unknownUnit;
        // The base unit's code is the option value of its variant, and Shopify refuses an empty option value.
        if (settings.UomAsVariant && data.Item.BaseUnitOfMeasure.Length == 0)
            return $"Item {data.Item.No} has no BaseUnitOfMeasure, which names its variant when units of measure are variants: set it (Set-ShopifyItem -No {data.Item.No} -BaseUnitOfMeasure PCS).";
        if (AttributeOptions.Problem(data, settings) is { } attributes) return attributes;
        return null;
    }

    /// <summary>The units the item's variants are sold in: every unit when units are variants, else the sales unit.</summary>
    private static IReadOnlyList<ItemUnit> Units(ItemExportData data, ItemSettings settings) =>
        settings.UomAsVariant ? ItemUnits.All(data.Item, data.Units) : [ItemUnits.Sales(data.Item, data.Units) ?? new ItemUnit(data.Item.BaseUnitOfMeasure, 1)];

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
            UnitOptionName = settings.UomAsVariant ? settings.OptionNameForUom : null,
            AttributeOptions = AttributeOptions.Of(data),
        };
        foreach (var blocked in data.Variants.Where(v => v.Blocked))
            draft.SkippedVariants.Add((blocked.Code, BlockedVariantReason));

        var units = Units(data, settings);
        if (variants.Count == 0)
            foreach (var unit in units) draft.Variants.Add(Variant(data, settings, "", "", "", unit));
        else
            foreach (var variant in variants)
            foreach (var unit in units)
                draft.Variants.Add(Variant(data, settings, variant.Code, variant.Code, Fallback(variant.Description, variant.Code), unit));
        return draft;
    }

    private static VariantDraft Variant(ItemExportData data, ItemSettings settings, string variantCode, string optionValue, string title, ItemUnit unit)
    {
        var barcode = ExportSku.Barcode(data, variantCode, unit);
        return new VariantDraft
        {
            VariantCode = variantCode,
            Unit = unit,
            OptionValue = optionValue,
            Title = title,
            Barcode = barcode,
            Sku = ExportSku.For(settings.SkuMapping, settings.SkuFieldSeparator, data, variantCode, barcode),
            Price = data.Item.UnitPrice,
            UnitCost = data.Item.UnitCost,
            Weight = data.Item.GrossWeight * unit.QtyPerUnit,
            Tracked = settings.InventoryTracked,
            InventoryPolicy = settings.DefaultInventoryPolicy,
            TaxCode = data.Item.VatProdPostingGroup,
            Customs = settings.SyncHsCodeAndCountry ? CustomsData.Of(data.Item) : null,
        };
    }

    /// <summary>E5: the item translation in the language when there is one, else the item's description (Business
    /// Central's rule, also for the shop's other languages); tabs would show in Shopify's admin.</summary>
    internal static string Title(ItemExportData data, string languageCode)
    {
        var translated = languageCode.Length == 0 ? null
            : data.Translations.FirstOrDefault(t => t.LanguageCode == languageCode && t.VariantCode.Length == 0 && t.Description.Length > 0)?.Description;
        return (translated ?? data.Item.Description).Replace('\t', ' ').Trim();
    }

    private static string Fallback(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
