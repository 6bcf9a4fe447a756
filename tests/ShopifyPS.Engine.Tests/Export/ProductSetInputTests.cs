using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>The mapping of a priced draft to productSet's input (E9 names of 2026-04) and the content hash (E11).</summary>
public sealed class ProductSetInputTests
{
    private static ProductDraft Draft(bool withVariants, string title = "Bicycle")
    {
        var draft = new ProductDraft
        {
            ItemNo = "1000", Title = title, DescriptionHtml = "<p>Fast</p>", Vendor = "Fabrikam", ProductType = "Bikes",
            Status = ShopifyProductStatus.Draft, HasVariants = withVariants,
        };
        foreach (var code in withVariants ? new[] { "BLUE", "RED" } : [""])
            draft.Variants.Add(new VariantDraft
            {
                VariantCode = code, OptionValue = code, Sku = "1000" + code, Barcode = code == "RED" ? "7000000000002" : "",
                Price = 449.5m, CompareAtPrice = 499m, UnitCost = 250m, Weight = 12.5m, Tracked = true,
                InventoryPolicy = InventoryPolicy.Continue, TaxCode = "STANDARD",
            });
        return draft;
    }

    [Fact]
    public void E9_item_variants_become_values_of_the_Variant_option_with_every_variant_field()
    {
        var content = ProductSetInput.Content(Draft(withVariants: true), ["summer"]);

        Assert.Equal("Bicycle", content.Value<string>("title"));
        Assert.Equal("<p>Fast</p>", content.Value<string>("descriptionHtml"));
        Assert.Equal("Fabrikam", content.Value<string>("vendor"));
        Assert.Equal("Bikes", content.Value<string>("productType"));
        Assert.Equal(["summer"], content["tags"]!.Values<string>());
        Assert.Equal("Variant", content.SelectToken("productOptions[0].name")!.Value<string>());
        Assert.Equal(["BLUE", "RED"], content.SelectTokens("productOptions[0].values[*].name").Select(t => t.Value<string>()));
        var red = (JObject)content["variants"]![1]!;
        Assert.Equal(JToken.Parse("""
            {"optionValues":[{"optionName":"Variant","name":"RED"}],"barcode":"7000000000002","price":"449.50","compareAtPrice":"499.00",
             "inventoryPolicy":"CONTINUE","taxable":true,"taxCode":"STANDARD",
             "inventoryItem":{"sku":"1000RED","tracked":true,"cost":"250.00","measurement":{"weight":{"value":12.5,"unit":"KILOGRAMS"}}}}
            """), red, JToken.EqualityComparer);
        Assert.Equal(JValue.CreateNull(), content["variants"]![0]!["barcode"]);
        Assert.False(content.ContainsKey("status"));
    }

    [Fact]
    public void An_item_without_variants_uses_Shopifys_default_Title_option()
    {
        var content = ProductSetInput.Content(Draft(withVariants: false), []);

        Assert.Equal("Title", content.SelectToken("productOptions[0].name")!.Value<string>());
        Assert.Equal("Default Title", content.SelectToken("variants[0].optionValues[0].name")!.Value<string>());
        Assert.Single(content["variants"]!);
    }

    [Fact]
    public void A_create_adds_the_status_the_stable_handle_and_the_quantities_at_default_locations()
    {
        var draft = Draft(withVariants: true);
        var content = ProductSetInput.Content(draft, []);

        var create = ProductSetInput.ForCreate(content, draft,
            v => new JArray(new JObject { ["locationId"] = "gid://shopify/Location/1", ["name"] = "available", ["quantity"] = v.VariantCode.Length }));

        Assert.Equal("DRAFT", create.Value<string>("status"));
        Assert.Equal("item-1000", create.Value<string>("handle"));
        Assert.Equal(draft.Variants.Select(v => v.VariantCode.Length), create["variants"]!.Select(v => v.SelectToken("inventoryQuantities[0].quantity")!.Value<int>()));
        Assert.False(content.ContainsKey("handle"));
        Assert.Null(ProductSetInput.ForCreate(content, draft).SelectToken("variants[0].inventoryQuantities"));
    }

    [Theory]
    [InlineData("1000", "item-1000")]
    [InlineData("NT-4000", "item-nt-4000")]
    [InlineData("A.B  C", "item-a-b-c")]
    [InlineData("ÆØ1", "item-1")]
    public void The_handle_is_the_item_no_as_Shopify_normalizes_handles(string itemNo, string handle) =>
        Assert.Equal(handle, ProductSetInput.Handle(itemNo));

    [Fact]
    public void Variant_prices_round_trip_and_say_what_changed()
    {
        var sent = new VariantPrices(2999m, null, 1250m);
        var now = new VariantPrices(2699m, 2999m, 1250m);

        Assert.Equal(sent, VariantPrices.Parse(sent.Format()));
        Assert.Equal(["price 2999.00 → 2699.00", "compare-at none → 2999.00"], now.Changes(sent));
        Assert.Equal(3, now.Changes(null).Count);
        Assert.Null(VariantPrices.Parse("abc"));
    }
}
