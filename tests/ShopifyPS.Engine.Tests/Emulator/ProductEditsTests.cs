using Newtonsoft.Json.Linq;
using ShopifyPS.Tests.Integration;

namespace ShopifyPS.Tests.Emulator;

/// <summary>
/// The emulator's product mutations as the 2026-04 schema has them: what a merchandiser's edits in Shopify admin send
/// (tags, variants, option names) and what a client must expect (productSet without variant ids, publications, costs).
/// </summary>
public sealed class ProductEditsTests
{
    private const string Create = """
        mutation C($input: ProductSetInput!) { productSet(input: $input, identifier: {handle: "shirt"}) {
          product { id variants(first: 10) { nodes { id inventoryItem { id } } } } userErrors { field message code } } }
        """;

    private static JObject Shirt(bool withIds, JObject? product = null)
    {
        var values = new[] { "S", "M" };
        var variants = new JArray(values.Select((v, i) =>
        {
            var variant = new JObject { ["optionValues"] = new JArray(new JObject { ["optionName"] = "Size", ["name"] = v }), ["price"] = "10.00" };
            if (withIds) variant["id"] = product!.SelectToken($"variants.nodes[{i}].id");
            return variant;
        }));
        return new JObject
        {
            ["input"] = new JObject
            {
                ["title"] = "Shirt", ["handle"] = "shirt",
                ["productOptions"] = new JArray(new JObject { ["name"] = "Size", ["values"] = new JArray(values.Select(v => new JObject { ["name"] = v })) }),
                ["variants"] = variants,
            },
        };
    }

    [Fact]
    public async Task ProductSet_on_an_existing_product_makes_a_variant_without_id_a_new_variant()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var first = (JObject)(await shop.RawAsync(Create, Shirt(withIds: false), "C")).SelectToken("data.productSet.product")!;

        var again = (JObject)(await shop.RawAsync(Create, Shirt(withIds: false), "C")).SelectToken("data.productSet.product")!;
        var withIds = (JObject)(await shop.RawAsync(Create, Shirt(withIds: true, again), "C")).SelectToken("data.productSet.product")!;

        Assert.Equal(first.Value<string>("id"), again.Value<string>("id"));
        Assert.Empty(first.SelectTokens("variants.nodes[*].id").Intersect(again.SelectTokens("variants.nodes[*].id"), JToken.EqualityComparer));
        Assert.Empty(first.SelectTokens("variants.nodes[*].inventoryItem.id").Intersect(again.SelectTokens("variants.nodes[*].inventoryItem.id"), JToken.EqualityComparer));
        Assert.Equal(again.SelectTokens("variants.nodes[*].id"), withIds.SelectTokens("variants.nodes[*].id"), JToken.EqualityComparer);
    }

    [Fact]
    public async Task Admin_edits_rename_options_and_add_variants_and_tags()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var product = (JObject)(await shop.RawAsync(Create, Shirt(withIds: false), "C")).SelectToken("data.productSet.product")!;
        var id = product.Value<string>("id")!;
        var options = await shop.RawAsync("query O($id: ID!) { product(id: $id) { options { id optionValues { id name } } } }", new JObject { ["id"] = id }, "O");
        var optionId = options.SelectToken("data.product.options[0].id")!.ToString();
        var small = options.SelectToken("data.product.options[0].optionValues[0].id")!.ToString();

        var renamed = await shop.RawAsync("""
            mutation R($productId: ID!, $option: OptionUpdateInput!, $update: [OptionValueUpdateInput!]) {
              productOptionUpdate(productId: $productId, option: $option, optionValuesToUpdate: $update) { userErrors { field message code } } }
            """, new JObject { ["productId"] = id, ["option"] = new JObject { ["id"] = optionId, ["name"] = "Größe" }, ["update"] = new JArray(new JObject { ["id"] = small, ["name"] = "Small" }) }, "R");
        var added = await shop.RawAsync("""
            mutation A($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkCreate(productId: $productId, variants: $variants) { productVariants { id } userErrors { field message code } } }
            """, new JObject { ["productId"] = id, ["variants"] = new JArray(new JObject { ["optionValues"] = new JArray(new JObject { ["optionName"] = "Größe", ["name"] = "XL" }), ["price"] = "12.00" }) }, "A");
        var tagged = await shop.RawAsync("mutation T($id: ID!) { tagsAdd(id: $id, tags: [\"summer\"]) { userErrors { message } } }", new JObject { ["id"] = id }, "T");
        var deleteUsed = await shop.RawAsync("""
            mutation D($productId: ID!, $option: OptionUpdateInput!, $delete: [ID!]) {
              productOptionUpdate(productId: $productId, option: $option, optionValuesToDelete: $delete) { userErrors { code } } }
            """, new JObject { ["productId"] = id, ["option"] = new JObject { ["id"] = optionId }, ["delete"] = new JArray(small) }, "D");

        Assert.Empty(renamed.SelectToken("data.productOptionUpdate.userErrors")!);
        Assert.Empty(added.SelectToken("data.productVariantsBulkCreate.userErrors")!);
        Assert.Empty(tagged.SelectToken("data.tagsAdd.userErrors")!);
        Assert.Equal("OPTION_VALUE_HAS_VARIANTS", deleteUsed.SelectToken("data.productOptionUpdate.userErrors[0].code")!.ToString());
        var state = (JObject)(await shop.StateAsync())["products"]![0]!;
        Assert.Equal("Größe", state.SelectToken("options[0].name")!.ToString());
        Assert.Equal(["Small", "M", "XL"], state["variants"]!.Select(v => v["options"]![0]!.ToString()));
        Assert.Equal(["summer"], state["tags"]!.Values<string>());
    }

    [Fact]
    public async Task Products_are_on_no_channel_until_published_and_unknown_publications_refuse_the_call()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var id = (await shop.RawAsync(Create, Shirt(withIds: false), "C")).SelectToken("data.productSet.product.id")!.ToString();
        var publications = await shop.RawAsync("query L { publications(first: 10) { nodes { id catalog { title } } } }", null, "L");
        var online = publications.SelectTokens("data.publications.nodes[*]").Single(p => p.SelectToken("catalog.title")!.ToString() == "Online Store").Value<string>("id")!;
        const string publish = """
            mutation P($id: ID!, $input: [PublicationInput!]!) { publishablePublish(id: $id, input: $input) { userErrors { field message } } }
            """;
        const string read = """
            query R($id: ID!, $p: ID!) { product(id: $id) { publishedOnPublication(publicationId: $p)
              resourcePublicationsV2(first: 5) { nodes { isPublished publication { catalog { title } } } } } }
            """;

        var before = await shop.RawAsync(read, new JObject { ["id"] = id, ["p"] = online }, "R");
        var refused = await shop.RawAsync(publish, new JObject { ["id"] = id, ["input"] = new JArray(new JObject { ["publicationId"] = online }, new JObject { ["publicationId"] = "gid://shopify/Publication/1" }) }, "P");
        var afterRefused = await shop.RawAsync(read, new JObject { ["id"] = id, ["p"] = online }, "R");
        var published = await shop.RawAsync(publish, new JObject { ["id"] = id, ["input"] = new JArray(new JObject { ["publicationId"] = online }) }, "P");
        var after = await shop.RawAsync(read, new JObject { ["id"] = id, ["p"] = online }, "R");

        Assert.False(before.SelectToken("data.product.publishedOnPublication")!.Value<bool>());
        Assert.Equal(["input", "1", "publicationId"], refused.SelectToken("data.publishablePublish.userErrors[0].field")!.Values<string>());
        Assert.False(afterRefused.SelectToken("data.product.publishedOnPublication")!.Value<bool>());
        Assert.Empty(published.SelectToken("data.publishablePublish.userErrors")!);
        Assert.True(after.SelectToken("data.product.publishedOnPublication")!.Value<bool>());
        Assert.Equal(["Online Store"], after.SelectTokens("data.product.resourcePublicationsV2.nodes[*].publication.catalog.title").Values<string>());
    }

    [Fact]
    public async Task Variant_bulk_mutations_cost_ten_plus_a_fifth_per_variant()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var product = (JObject)(await shop.RawAsync(Create, Shirt(withIds: false), "C")).SelectToken("data.productSet.product")!;
        var variants = new JArray(Enumerable.Range(0, 10).Select(_ => new JObject { ["id"] = product.SelectToken("variants.nodes[0].id"), ["price"] = "11.00" }));

        var answer = await shop.RawAsync("""
            mutation U($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { message } } }
            """, new JObject { ["productId"] = product["id"], ["variants"] = variants }, "U");

        Assert.Equal(12, answer.SelectToken("extensions.cost.requestedQueryCost")!.Value<int>());
    }
}
