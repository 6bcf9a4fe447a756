using ShopifyPS.Connector;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Import;

/// <summary>An item (and item variant, blank for the item itself) a Shopify variant maps to, and how it was found;
/// or, when <see cref="ItemNo"/> is blank, why nothing was found.</summary>
internal sealed record Mapping(string ItemNo, string VariantCode, string Reason)
{
    public bool Found => ItemNo.Length > 0;

    public static Mapping None(string reason) => new("", "", reason);
}

/// <summary>
/// Finds the item for a mirrored Shopify variant (I3, I4, I6) as Business Central's Shpfy Product Mapping does: the
/// SKU by the shop's skuMapping, then (findMappingByBarcode) the barcode among the items' barcode references. A
/// product without variants of its own maps to the item; a product with variants maps each variant to an item
/// variant, or to the item when the rule finds only the item (Item No., Vendor Item No. without a variant).
/// </summary>
internal sealed class SkuMapper(ItemSettings settings, ErpIndex erp)
{
    private const int MaxItemNo = 20;
    private const int MaxVariantCode = 10;
    private const int MaxVendorItemNo = 50;

    /// <summary>The variant is mapped: to an item variant, or to the item where that is all it can map to.</summary>
    public static bool IsMapped(ShopProduct product, ShopVariant variant) =>
        variant.ItemNo.Length > 0 && (!product.HasVariants || variant.VariantCode.Length > 0 || variant.MappedByItem);

    /// <summary>Some variant of the product (as read from Shopify) is not in the mirror or not mapped there.</summary>
    public static bool HasUnmappedVariants(IConnectorStore connector, string shop, ShopifyProduct source)
    {
        var product = new ShopProduct { HasVariants = !source.HasOnlyDefaultVariant };
        var mirrored = connector.VariantsOfProduct(shop, source.Id).ToDictionary(v => v.Id, StringComparer.Ordinal);
        return source.Variants.Any(v => !mirrored.TryGetValue(v.Id, out var row) || !IsMapped(product, row));
    }

    /// <summary>The SKU split by the separator (I4): 1 part is an item no., 2 parts item no. and variant code; more
    /// parts match nothing (Business Central maps only 1 or 2 parts).</summary>
    public string[] SkuParts(string sku) =>
        settings.SkuFieldSeparator.Length == 0 ? [sku] : sku.Split(settings.SkuFieldSeparator);

    public Mapping Find(ShopProduct product, ShopVariant variant)
    {
        var sku = variant.Sku;
        var item = product.ItemNo.Length > 0 ? erp.Item(product.ItemNo) : null;
        string? code = null;
        var itemOnly = false;
        var how = "";
        if (sku.Length > 0)
        {
            switch (settings.SkuMapping)
            {
                case SkuMapping.ItemNo:
                    if (sku.Length <= MaxItemNo && erp.Item(sku) is { } no) (item, itemOnly, how) = (no, true, $"SKU {sku} is item {no}");
                    break;
                case SkuMapping.VariantCode:
                    if (sku.Length <= MaxVariantCode && erp.FirstVariantWithCode(sku) is { } v)
                        (item, code, how) = (v.ItemNo, v.Code, $"SKU {sku} is variant {v.Code} of item {v.ItemNo}");
                    break;
                case SkuMapping.ItemNoVariantCode:
                    var parts = SkuParts(sku);
                    if (parts.Length is 1 or 2 && erp.Item(parts[0]) is { } itemNo)
                    {
                        item = itemNo;
                        itemOnly = parts.Length == 1;
                        how = $"SKU {sku} is item {itemNo}";
                        if (parts.Length == 2 && erp.Variant(itemNo, parts[1]) is { } variantCode)
                            (code, how) = (variantCode, $"SKU {sku} is item {itemNo}, variant {variantCode}");
                    }
                    break;
                case SkuMapping.VendorItemNo:
                    if (sku.Length <= MaxVendorItemNo) (item, code, itemOnly, how) = ByVendorItemNo(product, sku, item);
                    break;
                case SkuMapping.BarCode:
                    if (erp.LastReference(sku, ReferenceType.BarCode) is { } barcode)
                        (item, code, itemOnly, how) = (barcode.ItemNo, barcode.VariantCode, true, $"SKU {sku} is a barcode of item {barcode.ItemNo}");
                    break;
            }
        }
        var found = item is not null && (itemOnly || code is not null || !product.HasVariants);
        if (!found && settings.FindMappingByBarcode && erp.LastReference(variant.Barcode, ReferenceType.BarCode) is { } byBarcode)
            (item, code, found, how) = (byBarcode.ItemNo, byBarcode.VariantCode, true, $"barcode {variant.Barcode} is a barcode of item {byBarcode.ItemNo}");
        if (!found || item is null) return Mapping.None(WhyNot(product, variant));
        var mappedCode = product.HasVariants ? code ?? "" : "";
        return new Mapping(item, mappedCode, how + (mappedCode.Length > 0 && !how.Contains(mappedCode, StringComparison.Ordinal) ? $", variant {mappedCode}" : ""));
    }

    /// <summary>The item vendor catalog (narrowed to the product's vendor, by no. or name), then vendor item references.
    /// A catalog row's variant code maps the variant; without one a product with variants maps to the item.</summary>
    private (string? Item, string? Code, bool ItemOnly, string How) ByVendorItemNo(ShopProduct product, string sku, string? item)
    {
        var vendorNo = product.Vendor.Length == 0 ? null
            : (product.Vendor.Length <= MaxItemNo ? erp.VendorByNo(product.Vendor) : null)?.No ?? erp.VendorByName(product.Vendor)?.No;
        if (erp.FirstItemVendor(sku, vendorNo) is { } row && erp.Item(row.ItemNo) is { } itemNo)
        {
            var how = $"SKU {sku} is vendor item no. of item {itemNo} in the item vendor catalog";
            if (product.HasVariants && row.VariantCode.Length > 0 && erp.Variant(itemNo, row.VariantCode) is { } code) return (itemNo, code, false, how);
            if (product.HasVariants) return (itemNo, null, true, how);
            item = itemNo;
        }
        // Business Central goes on to the vendor references when the catalog found nothing, or found the item of a
        // product without variants (which the reference may then replace).
        if (erp.LastReference(sku, ReferenceType.Vendor) is { } reference)
            return (reference.ItemNo, reference.VariantCode, true, $"SKU {sku} is a vendor reference of item {reference.ItemNo}");
        return (item, null, false, item is null ? "" : $"SKU {sku} is vendor item no. of item {item} in the item vendor catalog");
    }

    private string WhyNot(ShopProduct product, ShopVariant variant)
    {
        var sku = variant.Sku;
        var bySku = sku.Length == 0 ? "it has no SKU" : settings.SkuMapping switch
        {
            SkuMapping.Blank => "skuMapping is Blank (the SKU is not used)",
            SkuMapping.ItemNo => $"no item no. {sku}",
            SkuMapping.VariantCode => $"no item variant with code {sku}",
            SkuMapping.ItemNoVariantCode => SkuParts(sku) switch
            {
                { Length: > 2 } => $"SKU {sku} has {SkuParts(sku).Length} parts split by '{settings.SkuFieldSeparator}' (item no. and variant code are 1 or 2)",
                var parts when erp.Item(parts[0]) is null => $"no item no. {parts[0]}",
                var parts when parts.Length == 2 => $"item {parts[0]} has no variant {parts[1]}",
                var parts => $"item {parts[0]} is found but the product has variants and SKU {sku} names none",
            },
            SkuMapping.VendorItemNo => $"no item vendor catalog row or vendor reference with vendor item no. {sku}",
            SkuMapping.BarCode => $"no barcode reference {sku}",
            _ => "",
        };
        var byBarcode = !settings.FindMappingByBarcode ? "findMappingByBarcode is off"
            : variant.Barcode.Length == 0 ? "it has no barcode" : $"no barcode reference {variant.Barcode}";
        return $"{bySku}; {byBarcode}";
    }
}
