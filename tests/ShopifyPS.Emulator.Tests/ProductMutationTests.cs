namespace ShopifyPS.Emulator.Tests;

/// <summary>productCreate/Update/Delete, tags, variant bulk mutations and inventoryItemUpdate.</summary>
public class ProductMutationTests
{
    private const string Create = "mutation($p: ProductCreateInput!) { productCreate(product: $p) { product { id handle status variants(first: 5) { nodes { id title } } } userErrors { field message } } }";

    private static async Task<(string ProductId, string VariantId)> CreateAsync(TestEmulator emu, string title = "Lamp")
    {
        var p = (await emu.DataAsync(Create, new { p = new { title, status = "DRAFT" } }))["productCreate"]!["product"]!;
        return (p["id"]!.GetValue<string>(), p["variants"]!["nodes"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Product_create_makes_one_default_variant_and_validates_title()
    {
        await using var emu = await TestEmulator.StartAsync();
        var p = (await emu.DataAsync(Create, new { p = new { title = "Desk Lamp", status = "DRAFT" } }))["productCreate"]!;
        Assert.Equal("desk-lamp", p["product"]!["handle"]!.GetValue<string>());
        Assert.Equal("Default Title", p["product"]!["variants"]!["nodes"]![0]!["title"]!.GetValue<string>());
        var bad = (await emu.DataAsync(Create, new { p = new { title = " " } }))["productCreate"]!;
        Assert.Null(bad["product"]);
        Assert.Equal("title", bad["userErrors"]![0]!["field"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_title_longer_than_Shopify_takes_is_refused_and_nothing_is_created()
    {
        await using var emu = await TestEmulator.StartAsync();
        var refused = (await emu.DataAsync(Create, new { p = new { title = new string('x', 256) } }))["productCreate"]!;
        Assert.Null(refused["product"]);
        Assert.Equal("Title is too long (maximum is 255 characters)", refused["userErrors"]![0]!["message"]!.GetValue<string>());
        var taken = (await emu.DataAsync(Create, new { p = new { title = new string('x', 255) } }))["productCreate"]!;
        Assert.NotNull(taken["product"]);
    }

    [Fact]
    public async Task Product_update_changes_fields_and_maintains_updated_at()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, _) = await CreateAsync(emu);
        var before = (await emu.DataAsync("query($id: ID!) { product(id: $id) { updatedAt createdAt } }", new { id }))["product"]!;
        await Task.Delay(1100); // second precision in the output format
        var p = (await emu.DataAsync("mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { product { title vendor productType descriptionHtml seo { title description } status updatedAt createdAt } userErrors { message } } }",
            new { p = new { id, title = "Lamp 2", vendor = "V", productType = "Lighting", descriptionHtml = "<b>x</b>", seo = new { title = "T", description = "D" }, status = "ACTIVE" } }))["productUpdate"]!["product"]!;
        Assert.Equal("Lamp 2", p["title"]!.GetValue<string>());
        Assert.Equal("Lighting", p["productType"]!.GetValue<string>());
        Assert.Equal("D", p["seo"]!["description"]!.GetValue<string>());
        Assert.Equal(before["createdAt"]!.GetValue<string>(), p["createdAt"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(p["updatedAt"]!.GetValue<string>(), before["updatedAt"]!.GetValue<string>()) > 0);

        var missing = (await emu.DataAsync("mutation { productUpdate(product: { id: \"gid://shopify/Product/42\", title: \"x\" }) { product { id } userErrors { field message } } }"))["productUpdate"]!;
        Assert.Equal("Product does not exist", missing["userErrors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_harmonized_system_code_must_be_6_to_13_digits_and_an_unknown_country_fails_the_request()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, variant) = await CreateAsync(emu);
        const string update = "mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $id, variants: $v) { productVariants { inventoryItem { harmonizedSystemCode countryCodeOfOrigin } } userErrors { field message code } } }";

        var refused = (await emu.DataAsync(update, new { id, v = new[] { new { id = variant, inventoryItem = new { harmonizedSystemCode = "6201.40" } } } }))["productVariantsBulkUpdate"]!;
        Assert.Equal("variants,0,inventoryItem,harmonizedSystemCode", string.Join(",", refused["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>())));
        Assert.Equal("INVALID_INPUT", refused["userErrors"]![0]!["code"]!.GetValue<string>());
        var taken = (await emu.DataAsync(update, new { id, v = new[] { new { id = variant, inventoryItem = new { harmonizedSystemCode = "62014010", countryCodeOfOrigin = "CN" } } } }))["productVariantsBulkUpdate"]!;
        Assert.Equal("62014010", taken["productVariants"]![0]!["inventoryItem"]!["harmonizedSystemCode"]!.GetValue<string>());
        Assert.Equal("CN", taken["productVariants"]![0]!["inventoryItem"]!["countryCodeOfOrigin"]!.GetValue<string>());

        var (_, unknown) = await emu.PostAsync(update, new { id, v = new[] { new { id = variant, inventoryItem = new { countryCodeOfOrigin = "CHN" } } } });
        Assert.NotNull(unknown["errors"]);
        Assert.Null(unknown["data"]?["productVariantsBulkUpdate"]);
    }

    [Fact]
    public async Task Tags_add_and_remove()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, _) = await CreateAsync(emu);
        await emu.DataAsync("mutation($id: ID!) { tagsAdd(id: $id, tags: [\"b\", \"a\", \"c\"]) { node { id } userErrors { message } } }", new { id });
        var after = await emu.DataAsync("mutation($id: ID!) { tagsRemove(id: $id, tags: [\"c\"]) { node { ... on Product { tags } } userErrors { message } } }", new { id });
        Assert.Equal(new[] { "a", "b" }, after["tagsRemove"]!["node"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Product_delete_removes_variants_and_inventory_items()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, variantId) = await CreateAsync(emu);
        var deleted = await emu.DataAsync("mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { message } } }", new { id });
        Assert.Equal(id, deleted["productDelete"]!["deletedProductId"]!.GetValue<string>());
        var gone = await emu.DataAsync("query($id: ID!, $v: ID!) { product(id: $id) { id } productVariant(id: $v) { id } }", new { id, v = variantId });
        Assert.Null(gone["product"]);
        Assert.Null(gone["productVariant"]);
    }

    [Fact]
    public async Task Variants_bulk_create_replaces_the_default_variant_and_stocks_locations()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, defaultVariant) = await CreateAsync(emu);
        var main = await ProductSetTests.MainLocationAsync(emu);
        var variants = new[] { "Red", "Blue" }.Select(c => new
        {
            optionValues = new[] { new { optionName = "Color", name = c } },
            price = "20.00",
            inventoryItem = new { sku = "LAMP-" + c, tracked = true },
            inventoryQuantities = new[] { new { locationId = main, availableQuantity = 3 } },
        }).ToArray();
        var payload = (await emu.DataAsync("mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v) { productVariants { id sku title inventoryQuantity } product { options { name values } variantsCount { count } } userErrors { field message code } } }",
            new { id, v = variants }))["productVariantsBulkCreate"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal(2, payload["product"]!["variantsCount"]!["count"]!.GetValue<int>());
        Assert.Equal("Color", payload["product"]!["options"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(3, payload["productVariants"]![0]!["inventoryQuantity"]!.GetValue<int>());
        var old = await emu.DataAsync("query($v: ID!) { productVariant(id: $v) { id } }", new { v = defaultVariant });
        Assert.Null(old["productVariant"]);

        var again = (await emu.DataAsync("mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v) { userErrors { code } } }",
            new { id, v = new[] { variants[0] } }))["productVariantsBulkCreate"]!;
        Assert.Equal("VARIANT_ALREADY_EXISTS", again["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Remove_standalone_strategy_replaces_a_lone_custom_variant()
    {
        await using var emu = await TestEmulator.StartAsync();
        var p = (await emu.DataAsync("mutation { productCreate(product: { title: \"Cup\", productOptions: [{ name: \"Size\", values: [{ name: \"S\" }] }] }) { product { id variants(first: 2) { nodes { id title } } } } }"))["productCreate"]!["product"]!;
        Assert.Equal("S", p["variants"]!["nodes"]![0]!["title"]!.GetValue<string>());
        const string q = "mutation($id: ID!, $s: ProductVariantsBulkCreateStrategy) { productVariantsBulkCreate(productId: $id, strategy: $s, variants: [{ optionValues: [{ optionName: \"Size\", name: \"M\" }] }]) { product { variants(first: 5) { nodes { title } } } userErrors { code } } }";
        var kept = (await emu.DataAsync(q, new { id = p["id"]!.GetValue<string>(), s = "DEFAULT" }))["productVariantsBulkCreate"]!;
        Assert.Equal(new[] { "S", "M" }, kept["product"]!["variants"]!["nodes"]!.AsArray().Select(v => v!["title"]!.GetValue<string>()));

        var other = (await emu.DataAsync("mutation { productCreate(product: { title: \"Bowl\", productOptions: [{ name: \"Size\", values: [{ name: \"S\" }] }] }) { product { id } } }"))["productCreate"]!["product"]!["id"]!.GetValue<string>();
        var replaced = (await emu.DataAsync(q, new { id = other, s = "REMOVE_STANDALONE_VARIANT" }))["productVariantsBulkCreate"]!;
        Assert.Equal(new[] { "M" }, replaced["product"]!["variants"]!["nodes"]!.AsArray().Select(v => v!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Variants_bulk_update_is_all_or_nothing_unless_partial_updates_allowed()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, variantId) = await CreateAsync(emu);
        const string q = "mutation($id: ID!, $v: [ProductVariantsBulkInput!]!, $p: Boolean) { productVariantsBulkUpdate(productId: $id, variants: $v, allowPartialUpdates: $p) { productVariants { price barcode inventoryItem { sku tracked } } userErrors { field code } } }";
        var v = new object[]
        {
            new { id = variantId, price = "7.25", barcode = "123", inventoryItem = new { sku = "L-1", tracked = false } },
            new { id = "gid://shopify/ProductVariant/1", price = "1.00" },
        };
        var strict = (await emu.DataAsync(q, new { id, v }))["productVariantsBulkUpdate"]!;
        Assert.Equal("PRODUCT_VARIANT_DOES_NOT_EXIST", strict["userErrors"]![0]!["code"]!.GetValue<string>());
        var unchanged = await emu.DataAsync("query($v: ID!) { productVariant(id: $v) { price } }", new { v = variantId });
        Assert.Equal("0.00", unchanged["productVariant"]!["price"]!.GetValue<string>());

        var partial = (await emu.DataAsync(q, new { id, v, p = true }))["productVariantsBulkUpdate"]!;
        Assert.Equal("7.25", partial["productVariants"]![0]!["price"]!.GetValue<string>());
        Assert.Equal("L-1", partial["productVariants"]![0]!["inventoryItem"]!["sku"]!.GetValue<string>());
        Assert.False(partial["productVariants"]![0]!["inventoryItem"]!["tracked"]!.GetValue<bool>());

        var withQuantities = (await emu.DataAsync(q, new { id, v = new[] { new { id = variantId, inventoryQuantities = new[] { new { locationId = "gid://shopify/Location/1", availableQuantity = 1 } } } } }))["productVariantsBulkUpdate"]!;
        Assert.Equal("NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE", withQuantities["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Variants_bulk_delete_refuses_foreign_variants_and_the_last_variant()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, variantId) = await CreateAsync(emu);
        var (_, otherVariant) = await CreateAsync(emu, "Other");
        const string q = "mutation($id: ID!, $v: [ID!]!) { productVariantsBulkDelete(productId: $id, variantsIds: $v) { product { id } userErrors { code } } }";
        Assert.Equal("AT_LEAST_ONE_VARIANT_DOES_NOT_BELONG_TO_THE_PRODUCT", (await emu.DataAsync(q, new { id, v = new[] { otherVariant } }))["productVariantsBulkDelete"]!["userErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("CANNOT_DELETE_LAST_VARIANT", (await emu.DataAsync(q, new { id, v = new[] { variantId } }))["productVariantsBulkDelete"]!["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inventory_item_update_sets_sku_cost_weight_and_tracking()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (id, _) = await CreateAsync(emu);
        var itemId = (await emu.DataAsync("query($id: ID!) { product(id: $id) { variants(first: 1) { nodes { inventoryItem { id } } } } }", new { id }))["product"]!["variants"]!["nodes"]![0]!["inventoryItem"]!["id"]!.GetValue<string>();
        var item = (await emu.DataAsync("mutation($id: ID!, $input: InventoryItemInput!) { inventoryItemUpdate(id: $id, input: $input) { inventoryItem { sku tracked unitCost { amount } measurement { weight { value unit } } variant { sku } } userErrors { message } } }",
            new { id = itemId, input = new { sku = "NEW-SKU", tracked = true, cost = "3.10", measurement = new { weight = new { value = 2.5, unit = "GRAMS" } } } }))["inventoryItemUpdate"]!["inventoryItem"]!;
        Assert.Equal("NEW-SKU", item["variant"]!["sku"]!.GetValue<string>());
        Assert.Equal("3.1", item["unitCost"]!["amount"]!.GetValue<string>());
        Assert.Equal("GRAMS", item["measurement"]!["weight"]!["unit"]!.GetValue<string>());
        var found = await emu.DataAsync("{ productVariants(first: 1, query: \"sku:NEW-SKU\") { nodes { product { id } } } }");
        Assert.Equal(id, found["productVariants"]!["nodes"]![0]!["product"]!["id"]!.GetValue<string>());
    }
}
