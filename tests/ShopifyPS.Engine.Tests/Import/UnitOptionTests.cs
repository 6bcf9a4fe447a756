using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Tests.Import;

/// <summary>Which unit an imported variant stands for (Business Central: UoM Option Id := the option named "Option Name
/// for UoM" when UoM as Variant is on, else 0; a variant whose only option is the unit is the item).</summary>
public sealed class UnitOptionTests
{
    private static ShopifyVariant Variant(params (string Name, string Value)[] options) => new("gid://shopify/Product/1", new JObject
    {
        ["id"] = "gid://shopify/ProductVariant/1",
        ["title"] = string.Join(" / ", options.Select(o => o.Value)),
        ["selectedOptions"] = new JArray(options.Select(o => new JObject { ["name"] = o.Name, ["value"] = o.Value })),
    });

    [Theory]
    [InlineData(true, "Unit of Measure", 2, "BOX", "L")]
    [InlineData(true, "unit of measure", 2, "BOX", "L")]
    [InlineData(true, "Pack size", 0, "", "L / box")]
    [InlineData(false, "Unit of Measure", 0, "", "L / box")]
    public void The_unit_is_the_value_of_the_option_named_for_units(bool uomAsVariant, string optionName, int slot, string unit, string title)
    {
        var source = Variant(("Variant", "L"), ("Unit of Measure", "box"));
        var mirror = new ShopVariant { UnitOfMeasure = "STALE", UomOptionId = 3 };

        UnitOption.Read(new ItemSettings { UomAsVariant = uomAsVariant, OptionNameForUom = optionName }, source, mirror);

        Assert.Equal((slot, unit), (mirror.UomOptionId, mirror.UnitOfMeasure));
        Assert.Equal(title, UnitOption.ItemVariantTitle(source, mirror));
        Assert.False(UnitOption.OnlyUnit(source, mirror));
    }

    [Fact]
    public void A_variant_whose_only_option_is_the_unit_stands_for_the_item()
    {
        var source = Variant(("Unit of Measure", "BOX"));
        var mirror = new ShopVariant();

        UnitOption.Read(new ItemSettings { UomAsVariant = true }, source, mirror);

        Assert.True(UnitOption.OnlyUnit(source, mirror));
        Assert.Equal("", UnitOption.ItemVariantTitle(source, mirror));
    }
}
