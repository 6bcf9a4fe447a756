using Newtonsoft.Json.Linq;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>
/// items.uomAsVariant (Business Central's "UoM as Variant": CreateTempProduct and
/// CheckItemVariantCount): every unit of measure of an item becomes a variant, under the unit option alone or after
/// "Variant", each with the barcode, weight and unit of its own.
/// </summary>
public sealed class UnitsAsVariantsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ItemExportData Socks(bool withVariants) => new()
    {
        Item = new Item { No = "1015", Description = "Wool socks", BaseUnitOfMeasure = "PCS", GrossWeight = 0.1m },
        Variants = withVariants ? [new ItemVariant { ItemNo = "1015", Code = "M" }, new ItemVariant { ItemNo = "1015", Code = "S" }] : [],
        Units = [new ItemUnitOfMeasure { ItemNo = "1015", Code = "PACK3", QtyPerUnitOfMeasure = 3 }],
        References =
        [
            new ItemReference { ItemNo = "1015", VariantCode = withVariants ? "S" : "", UnitOfMeasure = "PCS", ReferenceNo = "111" },
            new ItemReference { ItemNo = "1015", VariantCode = withVariants ? "S" : "", UnitOfMeasure = "PACK3", ReferenceNo = "333" },
        ],
    };

    private static ItemSettings Settings(string optionName = "Unit of Measure") =>
        new() { UomAsVariant = true, OptionNameForUom = optionName, SkuMapping = SkuMapping.BarCode };

    [Fact]
    public void BC_2_6_an_item_without_variants_gets_one_variant_per_unit_under_the_unit_option()
    {
        var draft = ProductBuilder.Build(Socks(withVariants: false), Settings("Pack size"), Today);

        Assert.Equal(["Pack size"], ProductSetInput.OptionNames(draft));
        Assert.Equal([("PCS", "111", 0.1m, 1m), ("PACK3", "333", 0.3m, 3m)],
            draft.Variants.Select(v => (ProductSetInput.OptionValue(draft, v), v.Barcode, v.Weight, v.Unit.QtyPerUnit)));
        Assert.Equal(["111", "333"], draft.Variants.Select(v => v.Sku));   // SKU by mapping (Bar Code): the unit's own
        Assert.Equal(["PCS", "PACK3"], draft.Variants.Select(v => ProductSetInput.UnitOption(draft, v)));
    }

    [Fact]
    public void BC_2_6_an_item_with_variants_gets_each_variant_in_each_unit_under_Variant_and_the_unit_option()
    {
        var draft = ProductBuilder.Build(Socks(withVariants: true), Settings(), Today);
        var content = ProductSetInput.Content(draft, []);

        Assert.Equal(["M / PCS", "M / PACK3", "S / PCS", "S / PACK3"], draft.Variants.Select(v => ProductSetInput.OptionValue(draft, v)));
        Assert.Equal(["", "", "111", "333"], draft.Variants.Select(v => v.Barcode));
        Assert.Equal(JToken.Parse("""
            [{"name":"Variant","values":[{"name":"M"},{"name":"S"}]},{"name":"Unit of Measure","values":[{"name":"PCS"},{"name":"PACK3"}]}]
            """), content["productOptions"]!, JToken.EqualityComparer);
        Assert.Equal(JToken.Parse("""[{"optionName":"Variant","name":"S"},{"optionName":"Unit of Measure","name":"PACK3"}]"""),
            content.SelectToken("variants[3].optionValues")!, JToken.EqualityComparer);
    }

    [Fact]
    public void Units_as_variants_off_keeps_one_variant_per_item_variant()
    {
        var draft = ProductBuilder.Build(Socks(withVariants: true), new ItemSettings(), Today);

        Assert.Null(draft.UnitOptionName);
        Assert.Equal(["M", "S"], draft.Variants.Select(v => ProductSetInput.OptionValue(draft, v)));
        Assert.Equal(["", ""], draft.Variants.Select(v => ProductSetInput.UnitOption(draft, v)));
    }

    [Fact]
    public void BC_2_18_variants_times_units_above_2048_are_refused()
    {
        var data = Socks(withVariants: false);
        data = new ItemExportData
        {
            Item = data.Item, Units = data.Units,
            Variants = Enumerable.Range(1, 1025).Select(i => new ItemVariant { ItemNo = "1015", Code = $"V{i}" }).ToList(),
        };

        Assert.Null(ProductBuilder.CannotExportReason(data, new ItemSettings()));
        Assert.Equal(ProductBuilder.TooManyVariantsReason, ProductBuilder.CannotExportReason(data, Settings()));
    }

    [Fact]
    public void An_item_without_a_base_unit_is_refused_its_variant_would_have_no_option_value()
    {
        var data = Socks(withVariants: false);
        data.Item.BaseUnitOfMeasure = "";

        Assert.Null(ProductBuilder.CannotExportReason(data, new ItemSettings()));
        Assert.Equal("Item 1015 has no BaseUnitOfMeasure, which names its variant when units of measure are variants: set it (Set-ShopifyItem -No 1015 -BaseUnitOfMeasure PCS).",
            ProductBuilder.CannotExportReason(data, Settings()));
    }

    [Fact]
    public void With_units_as_variants_the_sales_unit_does_not_matter()
    {
        var data = Socks(withVariants: false);
        data.Item.SalesUnitOfMeasure = "CRATE";

        Assert.NotNull(ProductBuilder.CannotExportReason(data, new ItemSettings()));
        Assert.Null(ProductBuilder.CannotExportReason(data, Settings()));
    }
}
