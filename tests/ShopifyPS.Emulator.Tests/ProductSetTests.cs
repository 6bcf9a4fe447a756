using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.Tests;

/// <summary>productSet: create, update, upsert, list replacement and validation.</summary>
public class ProductSetTests
{
    public const string ProductSet = @"mutation Set($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
  productSet(input: $input, identifier: $identifier, synchronous: true) {
    product { id handle title status vendor productType descriptionHtml tags seo { title description } createdAt updatedAt
      options { name values }
      variants(first: 10) { nodes { id title sku barcode price compareAtPrice inventoryPolicy taxable
        selectedOptions { name value }
        inventoryItem { id sku tracked unitCost { amount currencyCode } measurement { weight { value unit } }
          inventoryLevels(first: 5) { nodes { location { name } quantities(names: [""available"", ""on_hand"", ""committed""]) { name quantity } } } } } } }
    userErrors { field message code }
  }
}";

    public static object Shirt(string? mainLocation, params (string Size, string Sku, string Price)[] sizes) => new
    {
        title = "Blue Shirt",
        vendor = "Acme",
        productType = "Shirts",
        status = "ACTIVE",
        descriptionHtml = "<p>Soft</p>",
        tags = new[] { "summer", "cotton" },
        seo = new { title = "Blue shirt SEO", description = "Buy it" },
        productOptions = new[] { new { name = "Size", values = sizes.Select(s => new { name = s.Size }).ToArray() } },
        variants = sizes.Select(s => new
        {
            optionValues = new[] { new { optionName = "Size", name = s.Size } },
            sku = s.Sku,
            barcode = "BC-" + s.Sku,
            price = s.Price,
            compareAtPrice = "99.00",
            inventoryPolicy = "DENY",
            taxable = true,
            inventoryItem = new { tracked = true, cost = "4.50", measurement = new { weight = new { value = 0.25, unit = "KILOGRAMS" } } },
            inventoryQuantities = mainLocation == null ? null : new[] { new { locationId = mainLocation, name = "available", quantity = 5 } },
        }).ToArray(),
    };

    public static async Task<string> MainLocationAsync(TestEmulator emu) =>
        (await emu.DataAsync("{ locations(first: 5, query: \"name:'Main warehouse'\") { nodes { id } } }"))["locations"]!["nodes"]![0]!["id"]!.GetValue<string>();

    [Fact]
    public async Task Creates_product_with_options_variants_inventory_item_and_quantities()
    {
        await using var emu = await TestEmulator.StartAsync();
        var main = await MainLocationAsync(emu);
        var data = await emu.DataAsync(ProductSet, new { input = Shirt(main, ("S", "SH-S", "10.00"), ("M", "SH-M", "12.50")) });
        var payload = data["productSet"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        var product = payload["product"]!;
        Assert.StartsWith("gid://shopify/Product/", product["id"]!.GetValue<string>());
        Assert.Equal("blue-shirt", product["handle"]!.GetValue<string>());
        Assert.Equal(new[] { "cotton", "summer" }, product["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Blue shirt SEO", product["seo"]!["title"]!.GetValue<string>());
        Assert.Equal("S", product["options"]![0]!["values"]![0]!.GetValue<string>());
        var variant = product["variants"]!["nodes"]![1]!;
        Assert.Equal("M", variant["title"]!.GetValue<string>());
        Assert.Equal("SH-M", variant["sku"]!.GetValue<string>());
        Assert.Equal("BC-SH-M", variant["barcode"]!.GetValue<string>());
        Assert.Equal("12.50", variant["price"]!.GetValue<string>());
        Assert.Equal("99.00", variant["compareAtPrice"]!.GetValue<string>());
        var item = variant["inventoryItem"]!;
        Assert.Equal("SH-M", item["sku"]!.GetValue<string>());
        Assert.Equal("4.5", item["unitCost"]!["amount"]!.GetValue<string>());
        Assert.Equal("USD", item["unitCost"]!["currencyCode"]!.GetValue<string>());
        Assert.Equal(0.25, item["measurement"]!["weight"]!["value"]!.GetValue<double>());
        var level = item["inventoryLevels"]!["nodes"]![0]!;
        Assert.Equal("Main warehouse", level["location"]!["name"]!.GetValue<string>());
        Assert.Equal(5, level["quantities"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal("on_hand", level["quantities"]![1]!["name"]!.GetValue<string>());
        Assert.Equal(5, level["quantities"]![1]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_replaces_the_variant_list_and_a_variant_without_id_is_new_even_with_the_same_options()
    {
        await using var emu = await TestEmulator.StartAsync();
        var created = (await emu.DataAsync(ProductSet, new { input = Shirt(null, ("S", "SH-S", "10.00"), ("M", "SH-M", "12.50")) }))["productSet"]!["product"]!;
        var id = created["id"]!.GetValue<string>();
        var oldSmallId = created["variants"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var updated = (await emu.DataAsync(ProductSet, new { identifier = new { id }, input = Shirt(null, ("S", "SH-S", "11.00"), ("L", "SH-L", "14.00")) }))["productSet"]!;
        Assert.Empty(updated["userErrors"]!.AsArray());
        var variants = updated["product"]!["variants"]!["nodes"]!.AsArray();
        Assert.Equal(new[] { "SH-S", "SH-L" }, variants.Select(v => v!["sku"]!.GetValue<string>()));
        // The schema: a variant input without id creates a new variant; the old "S" was left out, so it is gone.
        Assert.NotEqual(oldSmallId, variants[0]!["id"]!.GetValue<string>());
        Assert.Equal("11.00", variants[0]!["price"]!.GetValue<string>());

        var gone = await emu.DataAsync("{ productVariants(first: 5, query: \"sku:SH-M\") { nodes { id } } }");
        Assert.Empty(gone["productVariants"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Only_included_fields_change_on_update()
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = (await emu.DataAsync(ProductSet, new { input = Shirt(null, ("S", "SH-S", "10.00")) }))["productSet"]!["product"]!["id"]!.GetValue<string>();
        var product = (await emu.DataAsync(ProductSet, new { identifier = new { id }, input = new { status = "DRAFT" } }))["productSet"]!["product"]!;
        Assert.Equal("DRAFT", product["status"]!.GetValue<string>());
        Assert.Equal("Acme", product["vendor"]!.GetValue<string>());
        Assert.Single(product["variants"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Identifier_handle_upserts()
    {
        await using var emu = await TestEmulator.StartAsync();
        var first = (await emu.DataAsync(ProductSet, new { identifier = new { handle = "item-1000" }, input = new { title = "Item 1000" } }))["productSet"]!["product"]!;
        Assert.Equal("item-1000", first["handle"]!.GetValue<string>());
        Assert.Equal("Default Title", first["variants"]!["nodes"]![0]!["title"]!.GetValue<string>());
        var second = (await emu.DataAsync(ProductSet, new { identifier = new { handle = "item-1000" }, input = new { title = "Item 1000 renamed" } }))["productSet"]!["product"]!;
        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal("Item 1000 renamed", second["title"]!.GetValue<string>());
        var count = await emu.DataAsync("{ productsCount { count precision } }");
        Assert.Equal(1, count["productsCount"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Generated_handles_are_unique_and_explicit_duplicates_are_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        var a = (await emu.DataAsync(ProductSet, new { input = new { title = "Mug!" } }))["productSet"]!["product"]!["handle"]!.GetValue<string>();
        var b = (await emu.DataAsync(ProductSet, new { input = new { title = "Mug!" } }))["productSet"]!["product"]!["handle"]!.GetValue<string>();
        Assert.Equal("mug", a);
        Assert.Equal("mug-1", b);
        var dup = (await emu.DataAsync(ProductSet, new { input = new { title = "Other", handle = "mug" } }))["productSet"]!;
        Assert.Null(dup["product"]);
        Assert.Equal("HANDLE_NOT_UNIQUE", dup["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_option_value_is_a_user_error_and_changes_nothing()
    {
        await using var emu = await TestEmulator.StartAsync();
        var input = new
        {
            title = "Broken",
            productOptions = new[] { new { name = "Size", values = new[] { new { name = "S" } } } },
            variants = new[] { new { optionValues = new[] { new { optionName = "Size", name = "XXL" } }, price = "1.00" } },
        };
        var payload = (await emu.DataAsync(ProductSet, new { input }))["productSet"]!;
        Assert.Null(payload["product"]);
        var error = payload["userErrors"]![0]!;
        Assert.Equal("OPTION_VALUE_DOES_NOT_EXIST", error["code"]!.GetValue<string>());
        Assert.Equal(new JsonArray("input", "variants", "0", "optionValues").ToJsonString(), error["field"]!.ToJsonString());
        Assert.Empty((await emu.ControlAsync(HttpMethod.Get, "emulator/state"))["products"]!.AsArray());
    }

    [Fact]
    public async Task Unmodelled_connections_and_lists_are_empty_not_null()
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = (await emu.DataAsync(ProductSet, new { input = Shirt(null, ("S", "SH-S", "10.00")) }))["productSet"]!["product"]!["id"]!.GetValue<string>();
        var p = (await emu.DataAsync("query($id: ID!) { product(id: $id) { metafields(first: 5) { nodes { key } pageInfo { hasNextPage } } collections(first: 5) { edges { node { id } } } translations(locale: \"fr\") { key } metafield(key: \"x\") { id } description(truncateAt: 3) } }", new { id }))["product"]!;
        Assert.Empty(p["metafields"]!["nodes"]!.AsArray());
        Assert.False(p["metafields"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Empty(p["collections"]!["edges"]!.AsArray());
        Assert.Empty(p["translations"]!.AsArray());
        Assert.Null(p["metafield"]);
        Assert.Equal("Sof", p["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_product_id_is_product_does_not_exist()
    {
        await using var emu = await TestEmulator.StartAsync();
        var payload = (await emu.DataAsync(ProductSet, new { identifier = new { id = "gid://shopify/Product/999999" }, input = new { title = "X" } }))["productSet"]!;
        Assert.Equal("PRODUCT_DOES_NOT_EXIST", payload["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Variants_without_product_options_are_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        var input = new { title = "No options", variants = new[] { new { optionValues = new[] { new { optionName = "Size", name = "S" } } } } };
        var payload = (await emu.DataAsync(ProductSet, new { input }))["productSet"]!;
        Assert.Equal("PRODUCT_OPTIONS_INPUT_MISSING", payload["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Asynchronous_product_set_returns_an_operation_to_poll()
    {
        await using var emu = await TestEmulator.StartAsync();
        var payload = (await emu.DataAsync("mutation { productSet(synchronous: false, input: { title: \"Async\" }) { product { id } productSetOperation { id status } userErrors { message } } }"))["productSet"]!;
        Assert.Null(payload["product"]);
        var opId = payload["productSetOperation"]!["id"]!.GetValue<string>();
        var polled = await emu.DataAsync("query($id: ID!) { productOperation(id: $id) { status ... on ProductSetOperation { product { title } } } }", new { id = opId });
        Assert.Equal("COMPLETE", polled["productOperation"]!["status"]!.GetValue<string>());
        Assert.Equal("Async", polled["productOperation"]!["product"]!["title"]!.GetValue<string>());
    }
}
