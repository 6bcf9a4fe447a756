using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>Item attributes marked AsOption as product options: Business Central's "Shpfy Item Attr As Option Test" and its
/// checks.</summary>
public sealed class AttributeOptionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ItemExportData Tent(bool withVariants = false, params (string Name, string Value, bool AsOption)[] attributes) => new()
    {
        Item = new Item { No = "1023", Description = "Ultralight tent", BaseUnitOfMeasure = "PCS" },
        Variants = withVariants ? [new ItemVariant { ItemNo = "1023", Code = "GREEN" }, new ItemVariant { ItemNo = "1023", Code = "RED" }] : [],
        Attributes = attributes.Select(a => new ItemAttribute { ItemNo = "1023", Attribute = a.Name, Value = a.Value, AsOption = a.AsOption }).ToList(),
    };

    /// <summary>The product's options as "name=value", in order.</summary>
    private static IEnumerable<string> Options(ItemExportData data)
    {
        Assert.Null(ProductBuilder.CannotExportReason(data, new ItemSettings()));
        var draft = ProductBuilder.Build(data, new ItemSettings(), Today);
        return ProductSetInput.OptionNames(draft).Zip(ProductSetInput.OptionValues(draft, Assert.Single(draft.Variants)), (n, v) => $"{n}={v}");
    }

    [Fact]
    public void BC_4_7_no_variants_and_no_attribute_marked_keeps_Shopifys_default_option()
    {
        Assert.Equal(["Title=Default Title"], Options(Tent(false, ("Persons", "1", false))));
    }

    [Fact]
    public void BC_4_7_no_variants_and_two_attributes_marked_gives_two_options_with_the_items_values()
    {
        var options = Options(Tent(false, ("Persons", "1", true), ("Colour", "Green", true), ("Weight", "900 g", false)));

        Assert.Equal(["Colour=Green", "Persons=1"], options);
    }

    [Fact]
    public void An_item_with_variants_keeps_its_Variant_option_the_data_set_has_no_attribute_values_per_variant()
    {
        var draft = ProductBuilder.Build(Tent(true, ("Persons", "1", true)), new ItemSettings(), Today);

        Assert.Null(ProductBuilder.CannotExportReason(Tent(true, ("Persons", "1", true)), new ItemSettings()));
        Assert.Equal(["Variant"], ProductSetInput.OptionNames(draft));
        Assert.Equal(2, draft.Variants.Count);
    }

    [Theory]
    [InlineData("BC §4.7 more than 3 marked", false, "Item 1023 has 4 attributes marked as \"As Option\" (A, B, C, D). Shopify supports a maximum of 3 product options")]
    [InlineData("an empty value", false, "Item 1023 has no value for attribute 'E', which is marked as \"As Option\"")]
    [InlineData("BC §4.7 not together with units of measure as variants", true, "Item 1023 has attributes marked as \"As Option\" (A), which cannot be combined with units of measure as variants")]
    public void The_checks_skip_the_item_with_the_reason(string why, bool uomAsVariant, string reason)
    {
        var data = why.Contains("more than 3") ? Tent(false, ("A", "1", true), ("B", "2", true), ("C", "3", true), ("D", "4", true))
            : why.Contains("empty") ? Tent(false, ("A", "1", true), ("E", " ", true))
            : Tent(true, ("A", "1", true));

        var actual = ProductBuilder.CannotExportReason(data, new ItemSettings { UomAsVariant = uomAsVariant });

        Assert.True(actual?.StartsWith(reason, StringComparison.Ordinal), $"{why}: {actual}");
    }
}
