namespace ShopifyPS.Emulator.Tests;

/// <summary>metafieldsSet and metafieldsDelete on products and variants, and metafields read back.</summary>
public class MetafieldTests
{
    private const string Set = "mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { namespace key type value } userErrors { field message code elementIndex } } }";
    private const string Read = "query($id: ID!) { product(id: $id) { metafield(namespace: \"custom\", key: \"material\") { value type } metafields(first: 50) { nodes { namespace key value } } } }";

    private static async Task<string> ProductAsync(TestEmulator emu) =>
        (await emu.DataAsync("mutation { productCreate(product: { title: \"Lamp\" }) { product { id } } }"))["productCreate"]!["product"]!["id"]!.GetValue<string>();

    private static object Field(string owner, string key, string type, string value, string ns = "custom") => new { ownerId = owner, @namespace = ns, key, type, value };

    [Fact]
    public async Task Metafields_are_set_and_read_back_and_setting_again_replaces_the_value()
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = await ProductAsync(emu);

        var set = (await emu.DataAsync(Set, new { m = new[] { Field(id, "material", "single_line_text_field", "Oak"), Field(id, "legs", "number_integer", "4") } }))["metafieldsSet"]!;
        Assert.Empty(set["userErrors"]!.AsArray());
        Assert.Equal(2, set["metafields"]!.AsArray().Count);
        await emu.DataAsync(Set, new { m = new[] { Field(id, "material", "single_line_text_field", "Ash") } });

        var product = (await emu.DataAsync(Read, new { id }))["product"]!;
        Assert.Equal("Ash", product["metafield"]!["value"]!.GetValue<string>());
        Assert.Equal(["material", "legs"], product["metafields"]!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task One_bad_value_refuses_the_whole_call_with_its_element_index()
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = await ProductAsync(emu);

        var refused = (await emu.DataAsync(Set, new { m = new[] { Field(id, "material", "single_line_text_field", "Oak"), Field(id, "legs", "number_integer", "four") } }))["metafieldsSet"]!;

        Assert.Null(refused["metafields"]);
        var error = refused["userErrors"]![0]!;
        Assert.Equal(("INVALID_VALUE", 1), (error["code"]!.GetValue<string>(), error["elementIndex"]!.GetValue<int>()));
        Assert.Equal("metafields,1,value", string.Join(",", error["field"]!.AsArray().Select(f => f!.GetValue<string>())));
        Assert.Empty((await emu.DataAsync(Read, new { id }))["product"]!["metafields"]!["nodes"]!.AsArray());
    }

    [Theory]
    [InlineData("cu", "material", "single_line_text_field", "TOO_SHORT")]
    [InlineData("custom", "m", "single_line_text_field", "TOO_SHORT")]
    [InlineData("custom", "ma terial", "single_line_text_field", "INVALID")]
    [InlineData("custom", "material", "text", "INVALID_TYPE")]
    public async Task Namespace_key_and_type_follow_Shopifys_rules(string ns, string key, string type, string code)
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = await ProductAsync(emu);

        var refused = (await emu.DataAsync(Set, new { m = new[] { Field(id, key, type, "x", ns) } }))["metafieldsSet"]!;

        Assert.Equal(code, refused["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_than_25_metafields_in_one_call_are_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = await ProductAsync(emu);

        var refused = (await emu.DataAsync(Set, new { m = Enumerable.Range(0, 26).Select(i => Field(id, $"k{i}", "boolean", "true")).ToArray() }))["metafieldsSet"]!;

        Assert.Equal("LESS_THAN_OR_EQUAL_TO", refused["userErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Exceeded the maximum metafields input limit of 25.", refused["userErrors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_removes_only_the_named_metafield_and_reports_a_missing_one_as_null()
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = await ProductAsync(emu);
        await emu.DataAsync(Set, new { m = new[] { Field(id, "material", "single_line_text_field", "Oak"), Field(id, "rating", "number_integer", "5", "reviews") } });

        var deleted = (await emu.DataAsync("mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { key } userErrors { message } } }",
            new { m = new[] { new { ownerId = id, @namespace = "custom", key = "material" }, new { ownerId = id, @namespace = "custom", key = "gone" } } }))["metafieldsDelete"]!;

        Assert.Equal("material", deleted["deletedMetafields"]![0]!["key"]!.GetValue<string>());
        Assert.Null(deleted["deletedMetafields"]![1]);
        Assert.Equal(["rating"], (await emu.DataAsync(Read, new { id }))["product"]!["metafields"]!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_definition_fixes_the_type_of_its_metafields_in_metafieldsSet_productSet_and_productVariantsBulkCreate()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new
        {
            metafieldDefinitions = new object[]
            {
                new { ownerType = "PRODUCT", @namespace = "custom", key = "material", type = "list.single_line_text_field", name = "Material" },
                new { ownerType = "PRODUCTVARIANT", @namespace = "custom", key = "colour", type = "color", name = "Colour" },
            },
        });
        var id = await ProductAsync(emu);

        var refused = (await emu.DataAsync(Set, new { m = new[] { Field(id, "material", "single_line_text_field", "Oak") } }))["metafieldsSet"]!;
        Assert.Equal(("INVALID_TYPE", "metafields,0,type"), (refused["userErrors"]![0]!["code"]!.GetValue<string>(),
            string.Join(",", refused["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()))));
        Assert.Contains("'list.single_line_text_field'", refused["userErrors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        // Without a type, the definition's type is taken.
        var typed = (await emu.DataAsync(Set, new { m = new[] { new { ownerId = id, @namespace = "custom", key = "material", value = "[\"Oak\"]" } } }))["metafieldsSet"]!;
        Assert.Equal("list.single_line_text_field", typed["metafields"]![0]!["type"]!.GetValue<string>());

        var productSet = (await emu.DataAsync("mutation($i: ProductSetInput!) { productSet(input: $i, synchronous: true) { product { id } userErrors { field code } } }",
            new { i = new { title = "Chair", metafields = new[] { new { @namespace = "custom", key = "material", type = "single_line_text_field", value = "Oak" } } } }))["productSet"]!;
        Assert.Equal("INVALID_METAFIELD", productSet["userErrors"]![0]!["code"]!.GetValue<string>());

        var created = (await emu.DataAsync("mutation($p: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $p, variants: $v) { productVariants { metafield(namespace: \"custom\", key: \"colour\") { value } } userErrors { field code } } }",
            new { p = id, v = new[] { new { optionValues = new[] { new { optionName = "Colour", name = "Red" } }, metafields = new[] { new { @namespace = "custom", key = "colour", type = "single_line_text_field", value = "#ff0000" } } } } }))["productVariantsBulkCreate"]!;
        Assert.Equal("INVALID", created["userErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("variants,0,metafields,0,type", string.Join(",", created["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>())));

        var accepted = (await emu.DataAsync("mutation($p: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $p, variants: $v) { productVariants { metafield(namespace: \"custom\", key: \"colour\") { value type } } userErrors { code } } }",
            new { p = id, v = new[] { new { optionValues = new[] { new { optionName = "Colour", name = "Red" } }, metafields = new[] { new { @namespace = "custom", key = "colour", type = "color", value = "#ff0000" } } } } }))["productVariantsBulkCreate"]!;
        Assert.Empty(accepted["userErrors"]!.AsArray());
        Assert.Equal("#ff0000", accepted["productVariants"]![0]!["metafield"]!["value"]!.GetValue<string>());

        var listed = (await emu.DataAsync("{ metafieldDefinitions(ownerType: PRODUCT, namespace: \"custom\", first: 10) { nodes { key name type { name } } } }"))["metafieldDefinitions"]!["nodes"]!.AsArray();
        Assert.Equal(("material", "list.single_line_text_field"), (listed.Single()!["key"]!.GetValue<string>(), listed.Single()!["type"]!["name"]!.GetValue<string>()));
    }
}
