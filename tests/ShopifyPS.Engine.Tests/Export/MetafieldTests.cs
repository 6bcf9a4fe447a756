using Newtonsoft.Json.Linq;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Tests.Import;

namespace ShopifyPS.Tests.Export;

/// <summary>items.metafields: ERP attributes and columns as product and variant metafields, checked against Shopify's
/// rules, set with the product, and afterwards sent only when their value changed; other metafields are never touched.</summary>
public sealed class MetafieldTests
{
    [Theory]
    [InlineData("number_integer", " 42 ", "42")]
    [InlineData("number_decimal", "0.620", "0.620")]
    [InlineData("boolean", "True", "true")]
    [InlineData("date", "2026-11-26", "2026-11-26")]
    [InlineData("url", "https://example.com/a", "https://example.com/a")]
    [InlineData("multi_line_text_field", "a\nb", "a\nb")]
    public void An_ERP_value_is_sent_as_Shopify_stores_its_type(string type, string text, string sent) =>
        Assert.Equal((sent, null), MetafieldTypes.Convert(type, text));

    [Theory]
    [InlineData("number_integer", "22 L")]
    [InlineData("number_integer", "9007199254740992")]
    [InlineData("number_decimal", "1,5")]
    [InlineData("boolean", "yes")]
    [InlineData("date", "26.11.2026")]
    [InlineData("url", "example.com")]
    [InlineData("single_line_text_field", "a\nb")]
    public void A_value_Shopify_would_refuse_is_named_with_what_it_takes(string type, string text) =>
        Assert.NotNull(MetafieldTypes.Convert(type, text).Problem);

    [Fact]
    public void The_profile_validator_names_each_bad_mapping()
    {
        var profile = new ShopProfile { Name = "s", Domain = "s.myshopify.com", Auth = new AuthSettings { TokenEnv = "T" } };
        profile.Items.Metafields.AddRange([
            new MetafieldMapping { Namespace = "cu", Key = "material", Type = "single_line_text_field", Attribute = "Material" },
            new MetafieldMapping { Namespace = "custom", Key = "x", Type = "weight", Field = "GrossWeight" },
            new MetafieldMapping { Namespace = "custom", Key = "size", Type = "text", Field = "Size" },
            new MetafieldMapping { Namespace = "custom", Key = "both", Type = "boolean", Field = "Blocked", Attribute = "A" },
            new MetafieldMapping { Owner = MetafieldOwner.Variant, Namespace = "custom", Key = "label", Type = "single_line_text_field", Field = "Description" },
            new MetafieldMapping { Owner = MetafieldOwner.Variant, Namespace = "custom", Key = "label", Type = "single_line_text_field", Field = "Code" },
        ]);

        var problems = ProfileValidator.Validate(profile, "s.yml", "s", new Dictionary<string, YamlDotNet.Core.Mark>())
            .Select(p => (p.Key, p.Message)).ToList();

        Assert.Contains(problems, p => p.Key == "items.metafields[0].namespace" && p.Message.Contains("3 to 255 characters"));
        Assert.Contains(problems, p => p.Key == "items.metafields[1].key" && p.Message.Contains("2 to 64"));
        Assert.Contains(problems, p => p.Key == "items.metafields[1].type" && p.Message.Contains("takes values an ERP column or attribute does not hold"));
        Assert.Contains(problems, p => p.Key == "items.metafields[2].type" && p.Message.Contains("'text' is not a Shopify metafield type"));
        Assert.Contains(problems, p => p.Key == "items.metafields[2].field" && p.Message.Contains("'Size' is not a column of items.csv"));
        Assert.Contains(problems, p => p.Key == "items.metafields[3]" && p.Message.Contains("exactly one source"));
        Assert.Contains(problems, p => p.Key == "items.metafields[5]" && p.Message.Contains("mapped twice"));
        Assert.DoesNotContain(problems, p => p.Key.StartsWith("items.metafields[4]", StringComparison.Ordinal));
    }

    private static readonly MetafieldMapping Material = new() { Namespace = "custom", Key = "material", Type = "single_line_text_field", Attribute = "Material" };
    private static readonly MetafieldMapping Persons = new() { Namespace = "custom", Key = "persons", Type = "number_integer", Attribute = "Persons" };
    private static readonly MetafieldMapping Weight = new() { Namespace = "custom", Key = "weight_kg", Type = "number_decimal", Field = "GrossWeight" };
    private static readonly MetafieldMapping Size = new() { Owner = MetafieldOwner.Variant, Namespace = "custom", Key = "size_name", Type = "single_line_text_field", Field = "Description" };

    private static async Task<ExportShop> ShopAsync(params MetafieldMapping[] mappings)
    {
        var shop = await ExportShop.StartAsync();
        shop.Profile.Items.Metafields.AddRange(mappings);
        return shop;
    }

    private static void SetAttribute(ExportShop shop, string item, string attribute, string value) =>
        shop.Store.Erp.Upsert(ErpTables.ItemAttributes, new ItemAttribute { ItemNo = item, Attribute = attribute, Value = value });

    private static Dictionary<string, string> Metafields(JToken owner) =>
        owner["metafields"]!.ToDictionary(m => $"{m["namespace"]}.{m["key"]}", m => m.Value<string>("value")!);

    [Fact]
    public async Task Created_products_carry_the_mapped_metafields_in_their_productSet()
    {
        await using var shop = await ShopAsync(Material, Weight, Size);

        Assert.Equal(SyncAction.Created, (await shop.AddAsync("1001")).Single().Action);

        Assert.Equal(["ProductSet", "PublishablePublish"], await shop.MutationsAsync());
        var product = (await shop.ProductsAsync()).Single();
        Assert.Equal(new Dictionary<string, string> { ["custom.material"] = "Polyamide 3-layer", ["custom.weight_kg"] = "0.62" }, Metafields(product));
        Assert.Equal(["Extra large", "Large", "Medium", "Small"], product["variants"]!.Select(v => Metafields(v)["custom.size_name"]).Order(StringComparer.Ordinal));
        Assert.Equal("number_decimal", product.SelectToken("metafields[1].type")!.ToString());
    }

    [Fact]
    public async Task A_changed_attribute_sends_exactly_one_metafield_and_other_namespaces_survive()
    {
        await using var shop = await ShopAsync(Material, Weight, Size);
        var id = (await shop.AddAsync("1001")).Single().ProductId;
        // A merchandiser's metafield in another namespace, and an edit of a mapped one in admin.
        var admin = await shop.Shop.RawAsync("mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }",
            new JObject { ["m"] = new JArray(new JObject { ["ownerId"] = id, ["namespace"] = "reviews", ["key"] = "rating_count", ["type"] = "number_integer", ["value"] = "17" }) }, "M");
        Assert.Empty(admin.SelectTokens("data.metafieldsSet.userErrors[*]"));
        SetAttribute(shop, "1001", "Material", "Polyester 2.5-layer");
        await shop.Shop.ClearRequestsAsync();

        var result = (await shop.SyncAsync()).Single();

        Assert.Equal(SyncAction.Updated, result.Action);
        Assert.Contains("metafield custom.material 'Polyamide 3-layer' → 'Polyester 2.5-layer'", result.Message);
        var requests = await shop.Shop.RequestsAsync();
        Assert.Equal(["MetafieldsSet"], requests.Select(r => r.Value<string>("operationName")));
        var sent = requests[0].SelectToken("variables.metafields")!.Single();
        Assert.Equal((id, "custom", "material", "Polyester 2.5-layer"), (sent.Value<string>("ownerId"), sent.Value<string>("namespace"), sent.Value<string>("key"), sent.Value<string>("value")));
        var metafields = Metafields((await shop.ProductsAsync()).Single());
        Assert.Equal("17", metafields["reviews.rating_count"]);
        Assert.Equal("Polyester 2.5-layer", metafields["custom.material"]);

        await shop.Shop.ClearRequestsAsync();
        Assert.All(await shop.SyncAsync(), r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.Empty(await shop.MutationsAsync());
    }

    [Fact]
    public async Task A_value_that_became_blank_deletes_only_the_mapped_metafield()
    {
        await using var shop = await ShopAsync(Material, Weight);
        await shop.AddAsync("1001");
        shop.Store.Erp.Delete(ErpTables.ItemAttributes, new ItemAttribute { ItemNo = "1001", Attribute = "Material" });
        await shop.Shop.ClearRequestsAsync();

        var result = (await shop.SyncAsync()).Single();

        Assert.Contains("metafield custom.material 'Polyamide 3-layer' → (deleted)", result.Message);
        Assert.Equal(["MetafieldsDelete"], await shop.MutationsAsync());
        Assert.Equal(["custom.weight_kg"], Metafields((await shop.ProductsAsync()).Single()).Keys);
    }

    [Fact]
    public async Task More_than_25_metafields_of_a_product_go_in_calls_of_25_and_a_value_Shopify_would_refuse_fails_its_item_first()
    {
        await using var shop = await ShopAsync(Persons);
        await shop.AddAsync("1001", "1023");
        foreach (var i in Enumerable.Range(0, 30))
            shop.Profile.Items.Metafields.Add(new MetafieldMapping { Namespace = "bulk", Key = $"k{i:00}", Type = "number_decimal", Field = "UnitCost" });
        SetAttribute(shop, "1023", "Persons", "one");
        await shop.Shop.ClearRequestsAsync();

        var results = await shop.SyncAsync();

        var failed = results.Single(r => r.ItemNo == "1023");
        Assert.Equal(SyncAction.Failed, failed.Action);
        Assert.Contains("The value 'one' of attribute 'Persons' cannot be sent as the number_integer metafield custom.persons: Shopify takes a whole number", failed.Message);
        var calls = (await shop.Shop.RequestsAsync()).Where(r => r.Value<string>("operationName") == "MetafieldsSet").ToList();
        Assert.Equal([25, 5], calls.Select(c => c.SelectToken("variables.metafields")!.Count()));
        Assert.Equal(30, Metafields((await shop.ProductsAsync()).Single(p => p.Value<string>("handle") == "item-1001")).Count);
    }

    [Fact]
    public void An_import_takes_mapped_attribute_metafields_Shopify_has_into_the_item_attributes()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s =>
        {
            s.ShopifyCanUpdateItems = true;
            s.Metafields.Add(new MetafieldMapping { Namespace = "custom", Key = "material", Type = "single_line_text_field", Attribute = "Material" });
            s.Metafields.Add(new MetafieldMapping { Namespace = "custom", Key = "persons", Type = "number_integer", Attribute = "Persons" });
        });
        shop.Store.Erp.Upsert(ErpTables.ItemAttributes, new ItemAttribute { ItemNo = "1000", Attribute = "Persons", Value = "02" });
        var product = shop.Product(false, new ShopVariantData("1000"));
        product.Metafields = [new ShopifyMetafield("custom", "material", "single_line_text_field", "Linen"), new ShopifyMetafield("custom", "persons", "number_integer", "2"),
            new ShopifyMetafield("reviews", "rating", "number_integer", "5")];

        var result = shop.Import(product).Single();

        var attributes = shop.Store.Erp.Rows(ErpTables.ItemAttributes, ("ItemNo", "1000")).ToDictionary(a => a.Attribute, a => a.Value);
        Assert.Equal(new Dictionary<string, string> { ["Material"] = "Linen", ["Persons"] = "02" }, attributes);
        Assert.Contains("attribute Material: '' → 'Linen' (metafield custom.material)", result.Message);
    }
}
