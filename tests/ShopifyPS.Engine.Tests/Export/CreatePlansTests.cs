using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>The scratch file a create's plans wait in: what goes in comes back by line number, exactly.</summary>
public sealed class CreatePlansTests
{
    private static ProductDraft Draft(string itemNo)
    {
        var draft = new ProductDraft
        {
            ItemNo = itemNo, Title = "2026-11-26T10:00:00", DescriptionHtml = "<p>Warm</p>", Vendor = "Contoso", ProductType = "Jackets",
            Status = ProductStatus.Draft, HasVariants = true, UnitOptionName = "Unit", AttributeOptions = [("Color", "Red")],
        };
        draft.Variants.Add(new VariantDraft
        {
            VariantCode = "M", OptionValue = "M", Title = "M", Sku = $"{itemNo}|M", Barcode = "0123", Unit = new ItemUnit("BOX", 12),
            Price = 10.50m, CompareAtPrice = 12.00m, UnitCost = 5.125m, Weight = 2m, Tracked = true,
            InventoryPolicy = ShopifyPS.Profiles.InventoryPolicy.Continue, TaxCode = "T1", Customs = new CustomsData("620130", "DE"),
        });
        draft.Variants[0].Metafields.Add(new MetafieldValue("custom", "fit", "single_line_text_field", "regular"));
        draft.Variants.Add(new VariantDraft { VariantCode = "L", OptionValue = "L", Price = 11m });
        draft.Metafields.Add(new MetafieldValue("custom", "season", "single_line_text_field", "winter"));
        draft.SkippedVariants.Add(("XL", "No price."));
        draft.Translations.Add(new TranslationValue("nb", "title", "Stormjakke"));
        return draft;
    }

    private static PlannedProduct Plan(string itemNo) =>
        new(Draft(itemNo), new JRaw(new JObject { ["input"] = new JObject { ["title"] = itemNo } }.ToString(Formatting.None)));

    [Fact]
    public void Plans_come_back_by_line_number_with_every_field_of_their_draft_as_it_was()
    {
        using var plans = new CreatePlans(bufferSize: 2);
        foreach (var no in new[] { "A1", "A2", "A3", "A4", "A5" }) plans.Add(Plan(no));

        Assert.Equal(5, plans.Count);
        Assert.Equal(2, plans.MostHeld);
        var back = plans.Plan(3);
        Assert.Equal(JsonConvert.SerializeObject(Draft("A4")), JsonConvert.SerializeObject(back.Draft));
        Assert.Equal("2026-11-26T10:00:00", back.Draft.Title);
        Assert.Equal("10.50", back.Draft.Variants[0].Price.ToString(CultureInfo.InvariantCulture));
        // Integral amounts stay integral: what is recorded as sent is compared as text with the ERP's value.
        Assert.Equal(("2", "11", (string?)null), (back.Draft.Variants[0].Weight.ToString(CultureInfo.InvariantCulture),
            back.Draft.Variants[1].Price.ToString(CultureInfo.InvariantCulture), back.Draft.Variants[1].CompareAtPrice?.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(new ItemUnit("BOX", 12), back.Draft.Variants[0].Unit);
        Assert.Equal(new TranslationValue("nb", "title", "Stormjakke"), Assert.Single(back.Draft.Translations));
        Assert.Equal("""{"input":{"title":"A4"}}""", (string)back.Variables.Value!);
        Assert.Equal(["A1", "A2", "A3", "A4", "A5"], plans.ItemNos());
        Assert.Equal(["A1", "A2", "A3", "A4", "A5"], plans.Variables().Select(v => JObject.Parse(v.ToString()).SelectToken("input.title")!.ToString()));
    }

    [Fact]
    public void Created_products_are_lines_of_their_own_in_the_order_they_were_recorded()
    {
        using var plans = new CreatePlans(bufferSize: 10);
        plans.AddCreated("A2", "gid://shopify/Product/2", "", "Created product 'b'");
        plans.AddCreated("A1", "gid://shopify/Product/1", "nb, de", "Found product 'a'");

        Assert.Equal(2, plans.CreatedCount);
        Assert.Equal(["gid://shopify/Product/2", "gid://shopify/Product/1"], plans.CreatedIds());
        Assert.Equal(new CreatedProduct("A1", "gid://shopify/Product/1", "nb, de", "Found product 'a'"), plans.Created(1));
        Assert.Equal(0, plans.Count);
    }
}
