using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>E6: the SKU a variant gets on export, per the profile's SKU mapping.</summary>
internal static class ExportSku
{
    public static string For(SkuMapping mapping, string separator, ItemExportData data, string variantCode, string barcode) => mapping switch
    {
        SkuMapping.ItemNo => data.Item.No,
        SkuMapping.VariantCode => variantCode,
        SkuMapping.ItemNoVariantCode => variantCode.Length == 0 ? data.Item.No : data.Item.No + separator + variantCode,
        SkuMapping.VendorItemNo => VendorItemNo(data, variantCode),
        SkuMapping.BarCode => barcode,
        _ => "",
    };

    // Business Central uses the item's vendor reference for variants (so each variant can carry its own
    // vendor item no.) and falls back to the item card's Vendor Item No.
    private static string VendorItemNo(ItemExportData data, string variantCode)
    {
        if (variantCode.Length > 0)
        {
            var reference = data.References.FirstOrDefault(r => r.ReferenceType == ReferenceType.Vendor
                && r.VariantCode == variantCode
                && (r.ReferenceTypeNo.Length == 0 || r.ReferenceTypeNo == data.Item.VendorNo));
            if (reference is not null) return reference.ReferenceNo;
        }
        return data.Item.VendorItemNo;
    }

    /// <summary>The barcode item reference of the item or one of its variants in <paramref name="unit"/>: a reference
    /// for that unit, else one without a unit (Business Central's "unit of measure or blank"); never another unit's, so
    /// a BOX's barcode is never sent as the piece's.</summary>
    public static string Barcode(ItemExportData data, string variantCode, ItemUnit unit) =>
        data.References
            .Where(r => r.ReferenceType == ReferenceType.BarCode && r.VariantCode == variantCode
                && (r.UnitOfMeasure.Length == 0 || ItemUnits.Same(r.UnitOfMeasure, unit.Code)))
            .OrderBy(r => r.UnitOfMeasure.Length == 0 ? 1 : 0)
            .Select(r => r.ReferenceNo)
            .FirstOrDefault() ?? "";
}
