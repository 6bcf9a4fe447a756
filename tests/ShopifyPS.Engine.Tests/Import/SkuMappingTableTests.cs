using ShopifyPS.Profiles;
using ShopifyPS.Sync;

namespace ShopifyPS.Tests.Import;

/// <summary>
/// I2, I3, I5: every skuMapping option × the SKU names an existing item / a new one / is empty × the product has
/// variants of its own (two) / only Shopify's default variant, imported with autoCreateUnknownItems on. Each case
/// says what each Shopify variant maps to (item/variant, '-' for none) and which records the import created.
/// See <see cref="ImportFixture"/> for the ERP data (item 1000 with variants RED and BLUE, template WEB from W0001).
/// </summary>
public sealed class SkuMappingTableTests
{
    public static TheoryData<SkuMapping, string, bool, string, string, string> Cases() => new()
    {
        // mapping, SKUs (',' separated; one per Shopify variant), has variants, expected mapping, expected created records
        // Blank: the SKU is not used; the item comes from the number series; a second variant stays unmapped.
        { SkuMapping.Blank, "SKU names an item", true, "1000,1000", "W0001,-", "item W0001" },
        { SkuMapping.Blank, "SKU names an item", false, "1000", "W0001", "item W0001" },
        { SkuMapping.Blank, "SKU names no item", true, "2000,2001", "W0001,-", "item W0001" },
        { SkuMapping.Blank, "SKU names no item", false, "2000", "W0001", "item W0001" },
        { SkuMapping.Blank, "SKU empty", true, ",", "W0001,-", "item W0001" },
        { SkuMapping.Blank, "SKU empty", false, "", "W0001", "item W0001" },
        // Item No.: SKU = item no.; each Shopify variant becomes an item of its own.
        { SkuMapping.ItemNo, "SKU names an item", true, "1000,1000", "1000,1000", "" },
        { SkuMapping.ItemNo, "SKU names an item", false, "1000", "1000", "" },
        { SkuMapping.ItemNo, "SKU names no item", true, "2000,2001", "2000,2001", "item 2000; item 2001" },
        { SkuMapping.ItemNo, "SKU names no item", false, "2000", "2000", "item 2000" },
        { SkuMapping.ItemNo, "SKU empty", true, ",", "W0001,W0002", "item W0001; item W0002" },
        { SkuMapping.ItemNo, "SKU empty", false, "", "W0001", "item W0001" },
        // Variant Code: SKU = variant code (of any item); creation makes item variants coded by the SKU or V_001, V_002.
        { SkuMapping.VariantCode, "SKU names an item", true, "RED,BLUE", "1000/RED,1000/BLUE", "" },
        { SkuMapping.VariantCode, "SKU names an item", false, "RED", "1000", "" },
        { SkuMapping.VariantCode, "SKU names no item", true, "GREEN,PINK", "W0001/GREEN,W0001/PINK", "item W0001; variant W0001/GREEN; variant W0001/PINK" },
        { SkuMapping.VariantCode, "SKU names no item", false, "GREEN", "W0001", "item W0001" },
        { SkuMapping.VariantCode, "SKU empty", true, ",", "W0001/V_001,W0001/V_002", "item W0001; variant W0001/V_001; variant W0001/V_002" },
        { SkuMapping.VariantCode, "SKU empty", false, "", "W0001", "item W0001" },
        // Item No. + Variant Code: SKU = item no. | variant code.
        { SkuMapping.ItemNoVariantCode, "SKU names an item", true, "1000|RED,1000|BLUE", "1000/RED,1000/BLUE", "" },
        { SkuMapping.ItemNoVariantCode, "SKU names an item", false, "1000|RED", "1000", "" },
        { SkuMapping.ItemNoVariantCode, "SKU names no item", true, "2000|GREEN,2000|PINK", "2000/GREEN,2000/PINK", "item 2000; variant 2000/GREEN; variant 2000/PINK" },
        { SkuMapping.ItemNoVariantCode, "SKU names no item", false, "2000|GREEN", "2000", "item 2000" },
        { SkuMapping.ItemNoVariantCode, "SKU empty", true, ",", "W0001/V_001,W0001/V_002", "item W0001; variant W0001/V_001; variant W0001/V_002" },
        { SkuMapping.ItemNoVariantCode, "SKU empty", false, "", "W0001", "item W0001" },
        // Vendor Item No.: SKU = vendor item no. in the item vendor catalog (its variant code maps the variant), else a
        // vendor reference; creation stores the SKU as the item's vendor item no. and as a vendor reference.
        { SkuMapping.VendorItemNo, "SKU names an item", true, "VI-RED,VI-1000", "1000/RED,1000", "" },
        { SkuMapping.VendorItemNo, "SKU names an item", false, "VI-RED", "1000", "" },
        { SkuMapping.VendorItemNo, "SKU names no item", true, "VI-NEW1,VI-NEW2", "W0001,W0002", "item W0001; item W0002; vendor ref V1 VI-NEW1 W0001; vendor ref V1 VI-NEW2 W0002" },
        { SkuMapping.VendorItemNo, "SKU names no item", false, "VI-NEW1", "W0001", "item W0001; vendor ref V1 VI-NEW1 W0001" },
        { SkuMapping.VendorItemNo, "SKU empty", true, ",", "W0001,W0002", "item W0001; item W0002" },
        { SkuMapping.VendorItemNo, "SKU empty", false, "", "W0001", "item W0001" },
        // Bar Code: SKU = barcode reference (its variant code maps the variant); creation stores the SKU as a barcode.
        { SkuMapping.BarCode, "SKU names an item", true, "222,111", "1000/RED,1000", "" },
        { SkuMapping.BarCode, "SKU names an item", false, "222", "1000", "" },
        { SkuMapping.BarCode, "SKU names no item", true, "999,998", "W0001,W0002", "barcode 998 W0002; barcode 999 W0001; item W0001; item W0002" },
        { SkuMapping.BarCode, "SKU names no item", false, "999", "W0001", "barcode 999 W0001; item W0001" },
        { SkuMapping.BarCode, "SKU empty", true, ",", "W0001,W0002", "item W0001; item W0002" },
        { SkuMapping.BarCode, "SKU empty", false, "", "W0001", "item W0001" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Maps_or_creates_as_the_mapping_option_says(SkuMapping mapping, string situation, bool hasVariants, string skus, string expectedMapping, string expectedCreated)
    {
        using var shop = new ImportFixture(mapping);
        var before = shop.Records();
        var product = shop.Product(hasVariants, skus.Split(',').Select(s => new ShopVariantData(s)).ToArray());

        var results = shop.Import(product);

        Assert.True(results.Count == product.Variants.Count, situation);
        Assert.Equal(expectedMapping, Mapped(results));
        var created = shop.Records().Except(before).ToList();
        Assert.Equal(expectedCreated.Split("; ", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), created);
        var expectedAction = expectedCreated.Length == 0 ? SyncAction.Updated : SyncAction.Created;
        Assert.Contains(results, r => r.Action == expectedAction);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Without_auto_create_maps_what_exists_and_creates_nothing(SkuMapping mapping, string situation, bool hasVariants, string skus, string expectedWithCreation, string createdWithCreation)
    {
        using var shop = new ImportFixture(mapping, autoCreate: false);
        var before = shop.Records();
        var product = shop.Product(hasVariants, skus.Split(',').Select(s => new ShopVariantData(s)).ToArray());

        var results = shop.Import(product);

        // What the table maps without creating anything is exactly what it maps with creation; the rest stays unmapped.
        var expected = createdWithCreation.Length == 0 ? expectedWithCreation : string.Join(",", product.Variants.Select(_ => "-"));
        Assert.True(expected == Mapped(results), $"{situation}: {Mapped(results)}");
        Assert.Equal(before, shop.Records());
        Assert.All(results.Where(r => r.ItemNo.Length == 0), r => Assert.Equal(SyncAction.Skipped, r.Action));
    }

    internal static string Mapped(IEnumerable<SyncResult> results) =>
        string.Join(",", results.Select(r => r.ItemNo.Length == 0 ? "-" : r.VariantCode.Length == 0 ? r.ItemNo : $"{r.ItemNo}/{r.VariantCode}"));
}
