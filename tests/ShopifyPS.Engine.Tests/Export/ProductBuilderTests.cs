using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

// Cases follow Business Central's "Shpfy Create Product Test" matrix.
public sealed class ProductBuilderTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ItemExportData Data(bool withVariants) => new()
    {
        Item = new Item
        {
            No = "1000", Description = "Bicycle", UnitPrice = 499m, UnitCost = 250m, GrossWeight = 12.5m, VendorNo = "V10",
            VendorItemNo = "VX-1000", ItemCategoryCode = "BIKES", VatProdPostingGroup = "STANDARD", BaseUnitOfMeasure = "PCS",
        },
        Variants = withVariants
            ? new[] { new ItemVariant { ItemNo = "1000", Code = "RED", Description = "Red" }, new ItemVariant { ItemNo = "1000", Code = "BLUE", Description = "Blue" } }
            : Array.Empty<ItemVariant>(),
        References = new[]
        {
            new ItemReference { ItemNo = "1000", ReferenceType = ReferenceType.BarCode, ReferenceNo = "7000000000001" },
            new ItemReference { ItemNo = "1000", VariantCode = "RED", ReferenceType = ReferenceType.BarCode, ReferenceNo = "7000000000002" },
            new ItemReference { ItemNo = "1000", VariantCode = "BLUE", ReferenceType = ReferenceType.BarCode, ReferenceNo = "7000000000003" },
            new ItemReference { ItemNo = "1000", VariantCode = "RED", ReferenceType = ReferenceType.Vendor, ReferenceTypeNo = "V10", ReferenceNo = "VX-RED" },
        },
        Vendor = new Vendor { No = "V10", Name = "Fabrikam Cycles" },
        Category = new ItemCategory { Code = "BIKES", Description = "Bicycles" },
    };

    private static ItemSettings Settings(SkuMapping mapping = SkuMapping.ItemNo) => new() { SkuMapping = mapping, SkuFieldSeparator = "/" };

    [Theory]
    [InlineData(SkuMapping.Blank, "")]
    [InlineData(SkuMapping.ItemNo, "1000")]
    [InlineData(SkuMapping.VariantCode, "")]
    [InlineData(SkuMapping.ItemNoVariantCode, "1000")]
    [InlineData(SkuMapping.VendorItemNo, "VX-1000")]
    [InlineData(SkuMapping.BarCode, "7000000000001")]
    public void E6_sku_of_an_item_without_variants(SkuMapping mapping, string expected)
    {
        var draft = ProductBuilder.Build(Data(withVariants: false), Settings(mapping), Today);

        var variant = Assert.Single(draft.Variants);
        Assert.Equal(expected, variant.Sku);
        Assert.False(draft.HasVariants);
        Assert.Equal("", variant.OptionValue);
    }

    [Theory]
    [InlineData(SkuMapping.Blank, "", "")]
    [InlineData(SkuMapping.ItemNo, "1000", "1000")]
    [InlineData(SkuMapping.VariantCode, "BLUE", "RED")]
    [InlineData(SkuMapping.ItemNoVariantCode, "1000/BLUE", "1000/RED")]
    [InlineData(SkuMapping.VendorItemNo, "VX-1000", "VX-RED")]
    [InlineData(SkuMapping.BarCode, "7000000000003", "7000000000002")]
    public void E6_sku_of_each_item_variant(SkuMapping mapping, string blueSku, string redSku)
    {
        var draft = ProductBuilder.Build(Data(withVariants: true), Settings(mapping), Today);

        Assert.True(draft.HasVariants);
        Assert.Equal(new[] { "BLUE", "RED" }, draft.Variants.Select(v => v.OptionValue));
        Assert.Equal(new[] { blueSku, redSku }, draft.Variants.Select(v => v.Sku));
        Assert.Equal(new[] { "Blue", "Red" }, draft.Variants.Select(v => v.Title));
    }

    [Fact]
    public void E9_field_map_from_the_item()
    {
        var settings = Settings();
        settings.StatusForCreatedProducts = CreatedProductStatus.Draft;
        settings.InventoryTracked = true;
        settings.DefaultInventoryPolicy = InventoryPolicy.Continue;

        var draft = ProductBuilder.Build(Data(withVariants: false), settings, Today);

        Assert.Equal("Bicycle", draft.Title);
        Assert.Equal("Fabrikam Cycles", draft.Vendor);
        Assert.Equal("Bicycles", draft.ProductType);
        Assert.Equal(ProductStatus.Draft, draft.Status);
        var variant = draft.Variants[0];
        Assert.Equal((499m, 250m, 12.5m, "7000000000001", "STANDARD"), (variant.Price, variant.UnitCost, variant.Weight, variant.Barcode, variant.TaxCode));
        Assert.True(variant.Tracked);
        Assert.Equal(InventoryPolicy.Continue, variant.InventoryPolicy);
        Assert.Equal("", draft.DescriptionHtml);
    }

    [Fact]
    public void Vendor_and_type_fall_back_to_codes_when_names_are_missing()
    {
        var data = Data(false);
        data = new ItemExportData { Item = data.Item, Vendor = new Vendor { No = "V10", Name = "" }, Category = null };

        var draft = ProductBuilder.Build(data, Settings(), Today);

        Assert.Equal("V10", draft.Vendor);
        Assert.Equal("BIKES", draft.ProductType);
    }

    [Fact]
    public void E5_title_is_the_translation_in_the_shop_language()
    {
        var data = Data(false);
        data = new ItemExportData
        {
            Item = data.Item,
            Translations = new[]
            {
                new ItemTranslation { ItemNo = "1000", LanguageCode = "NOR", Description = "Sykkel" },
                new ItemTranslation { ItemNo = "1000", LanguageCode = "DEU", Description = "Fahrrad" },
            },
        };
        var settings = Settings();
        settings.LanguageCode = "NOR";

        Assert.Equal("Sykkel", ProductBuilder.Build(data, settings, Today).Title);
        settings.LanguageCode = "FRA";
        Assert.Equal("Bicycle", ProductBuilder.Build(data, settings, Today).Title);
    }

    [Fact]
    public void E3_extended_text_passes_html_through_and_respects_language_and_dates()
    {
        var data = Data(false);
        data = new ItemExportData
        {
            Item = data.Item,
            ExtendedTexts = new[]
            {
                new ExtendedTextLine { ItemNo = "1000", LineNo = 10, Text = "A <b>light</b> bike." },
                new ExtendedTextLine { ItemNo = "1000", LineNo = 20, Text = "For city" },
                new ExtendedTextLine { ItemNo = "1000", LineNo = 30, Text = "and trail" },
                new ExtendedTextLine { ItemNo = "1000", LanguageCode = "NOR", LineNo = 10, Text = "Norsk tekst" },
                new ExtendedTextLine { ItemNo = "1000", LineNo = 10, StartingDate = new DateOnly(2027, 1, 1), Text = "Not yet valid" },
                new ExtendedTextLine { ItemNo = "1000", LineNo = 10, EndingDate = new DateOnly(2026, 1, 1), Text = "Expired" },
            },
        };
        var settings = Settings();
        settings.SyncItemExtendedText = true;

        var html = ProductBuilder.Build(data, settings, Today).DescriptionHtml;

        Assert.Equal("<div class=\"productDescription\">A <b>light</b> bike.<br />For city and trail </div>", html);
    }

    [Fact]
    public void E4_attributes_are_an_escaped_translated_table()
    {
        var data = Data(false);
        data = new ItemExportData
        {
            Item = data.Item,
            Attributes = new[]
            {
                new ItemAttribute { ItemNo = "1000", Attribute = "Colour", Value = "Red & <Black>" },
                new ItemAttribute { ItemNo = "1000", Attribute = "Frame", Value = "Steel" },
            },
            AttributeTranslations = new[]
            {
                new AttributeTranslation { Attribute = "Colour", LanguageCode = "NOR", Translation = "Farge" },
                new AttributeTranslation { Attribute = "Frame", Value = "Steel", LanguageCode = "NOR", Translation = "Stål" },
            },
        };
        var settings = Settings();
        settings.SyncItemAttributes = true;
        settings.LanguageCode = "NOR";

        var html = ProductBuilder.Build(data, settings, Today).DescriptionHtml;

        Assert.StartsWith("<div class=\"productAttributes\">", html);
        Assert.Contains("<td class=\"attributeName\">Farge</td><td class=\"attributeValue\">Red &amp; &lt;Black&gt;</td>", html);
        Assert.Contains("<td class=\"attributeName\">Frame</td><td class=\"attributeValue\">Stål</td>", html);
    }

    [Theory]
    [InlineData(true, false, "Bike", ProductBuilder.BlockedReason)]
    [InlineData(false, true, "Bike", ProductBuilder.BlockedReason)]
    [InlineData(false, false, "   ", ProductBuilder.EmptyDescriptionReason)]
    [InlineData(false, false, "Bike", null)]
    public void Items_that_cannot_be_exported_say_why(bool blocked, bool salesBlocked, string description, string? reason)
    {
        var item = new Item { No = "1", Description = description, Blocked = blocked, SalesBlocked = salesBlocked };

        Assert.Equal(reason, ProductBuilder.CannotExportReason(new ItemExportData { Item = item }, new ItemSettings()));
    }

    [Fact]
    public void More_than_2048_variants_is_refused_and_blocked_variants_do_not_count()
    {
        var variants = Enumerable.Range(0, ProductBuilder.MaxVariants + 1)
            .Select(i => new ItemVariant { ItemNo = "1", Code = $"V{i:0000}", Blocked = i == 0 }).ToList();
        var data = new ItemExportData { Item = new Item { No = "1", Description = "Many" }, Variants = variants };
        Assert.Null(ProductBuilder.CannotExportReason(data, new ItemSettings()));

        variants.Add(new ItemVariant { ItemNo = "1", Code = "EXTRA" });
        Assert.Equal(ProductBuilder.TooManyVariantsReason, ProductBuilder.CannotExportReason(data, new ItemSettings()));
    }

    [Fact]
    public void Blocked_variants_are_left_out_with_the_reason()
    {
        var data = Data(true);
        data = new ItemExportData
        {
            Item = data.Item, References = data.References,
            Variants = new[] { new ItemVariant { ItemNo = "1000", Code = "RED" }, new ItemVariant { ItemNo = "1000", Code = "OLD", Blocked = true } },
        };

        var draft = ProductBuilder.Build(data, Settings(SkuMapping.VariantCode), Today);

        Assert.Equal(new[] { "RED" }, draft.Variants.Select(v => v.VariantCode));
        Assert.Equal(("OLD", ProductBuilder.BlockedVariantReason), Assert.Single(draft.SkippedVariants));
        Assert.Equal("RED", draft.Variants[0].Title);
    }
}
