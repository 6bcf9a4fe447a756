using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.Tests;

/// <summary>products/productVariants/inventoryItems search syntax and cursor paging.</summary>
public class SearchAndPagingTests
{
    private static async Task<TestEmulator> SeededAsync()
    {
        var emu = await TestEmulator.StartAsync();
        var products = Enumerable.Range(1, 7).Select(i => new
        {
            title = $"Widget {i}",
            vendor = i % 2 == 0 ? "Even Co" : "Odd Co",
            productType = i <= 3 ? "Tools" : "Toys",
            status = i == 7 ? "DRAFT" : "ACTIVE",
            tags = i == 1 ? new[] { "sale", "new" } : new[] { "regular" },
            variants = new[] { new { sku = $"W-{i}", barcode = $"400000{i}", price = $"{i}.00" } },
        }).ToArray();
        await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new { products });
        return emu;
    }

    private static async Task<List<string>> Titles(TestEmulator emu, string query, string extra = "")
    {
        var data = await emu.DataAsync($"query($q: String) {{ products(first: 50, query: $q{extra}) {{ nodes {{ title }} }} }}", new { q = query });
        return data["products"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();
    }

    [Theory]
    [InlineData("sku:W-3", "Widget 3")]
    [InlineData("barcode:4000005", "Widget 5")]
    [InlineData("status:DRAFT", "Widget 7")]
    [InlineData("tag:sale", "Widget 1")]
    [InlineData("title:'Widget 4'", "Widget 4")]
    [InlineData("vendor:'Odd Co' AND product_type:Toys AND status:ACTIVE", "Widget 5")]
    [InlineData("sku:W-2 OR sku:W-6", "Widget 2,Widget 6")]
    [InlineData("product_type:Tools -sku:W-1 -sku:W-3", "Widget 2")]
    [InlineData("(sku:W-1 OR sku:W-2) AND vendor:'Even Co'", "Widget 2")]
    [InlineData("product_type:Tools tag_not:sale", "Widget 2,Widget 3")]
    [InlineData("status:DRAFT,ARCHIVED", "Widget 7")]
    [InlineData("sku:W-1,W-4", "Widget 1,Widget 4")]
    [InlineData("id:>0 title:Widget* inventory_total:0 NOT vendor:'Odd Co'", "Widget 2,Widget 4,Widget 6")]
    public async Task Product_search_terms(string query, string expected)
    {
        await using var emu = await SeededAsync();
        Assert.Equal(expected.Split(','), await Titles(emu, query));
    }

    [Fact]
    public async Task Product_search_by_id_and_updated_at()
    {
        await using var emu = await SeededAsync();
        var all = await emu.DataAsync("{ products(first: 10) { nodes { id title updatedAt } } }");
        var third = all["products"]!["nodes"]![2]!;
        var numericId = third["id"]!.GetValue<string>().Split('/')[^1];
        Assert.Equal(new[] { "Widget 3" }, await Titles(emu, $"id:{numericId}"));

        // Search compares at second precision, like the updatedAt Shopify shows.
        var since = third["updatedAt"]!.GetValue<string>();
        await Task.Delay(1100);
        await emu.DataAsync("mutation($id: ID!) { productUpdate(product: { id: $id, vendor: \"Changed\" }) { product { id } } }", new { id = third["id"]!.GetValue<string>() });
        Assert.Equal(new[] { "Widget 3" }, await Titles(emu, $"updated_at:>'{since}'"));
        Assert.Empty(await Titles(emu, $"updated_at:>'{DateTimeOffset.UtcNow.AddSeconds(1):yyyy-MM-ddTHH:mm:ssZ}'"));
        Assert.Equal(7, (await Titles(emu, "updated_at:>='2000-01-01T00:00:00Z'")).Count);
    }

    [Fact]
    public async Task Sort_keys_and_reverse()
    {
        await using var emu = await SeededAsync();
        var titles = await Titles(emu, "", ", sortKey: TITLE, reverse: true");
        Assert.Equal("Widget 7", titles[0]);
        Assert.Equal("Widget 1", titles[^1]);
    }

    [Fact]
    public async Task Forward_and_backward_cursor_paging()
    {
        await using var emu = await SeededAsync();
        const string q = "query($after: String, $before: String, $first: Int, $last: Int) { products(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await emu.DataAsync(q, new { first = 3, after }))["products"]!;
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["title"]!.GetValue<string>()));
            pages++;
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"Widget {i}"), seen);

        var last = (await emu.DataAsync(q, new { last = 2 }))["products"]!;
        Assert.Equal(new[] { "Widget 6", "Widget 7" }, last["edges"]!.AsArray().Select(e => e!["node"]!["title"]!.GetValue<string>()));
        Assert.True(last["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        var before = last["pageInfo"]!["startCursor"]!.GetValue<string>();
        var prev = (await emu.DataAsync(q, new { last = 2, before }))["products"]!;
        Assert.Equal(new[] { "Widget 4", "Widget 5" }, prev["edges"]!.AsArray().Select(e => e!["node"]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Variant_search_by_sku_barcode_and_product_id()
    {
        await using var emu = await SeededAsync();
        var bySku = await emu.DataAsync("{ productVariants(first: 5, query: \"sku:W-4\") { nodes { id sku product { id title } inventoryItem { id } } } }");
        var v = bySku["productVariants"]!["nodes"]![0]!;
        Assert.Equal("Widget 4", v["product"]!["title"]!.GetValue<string>());
        var productNumber = v["product"]!["id"]!.GetValue<string>().Split('/')[^1];
        var byProduct = await emu.DataAsync($"{{ productVariants(first: 5, query: \"product_id:{productNumber}\") {{ nodes {{ sku }} }} }}");
        Assert.Equal("W-4", byProduct["productVariants"]!["nodes"]![0]!["sku"]!.GetValue<string>());
        var byBarcode = await emu.DataAsync("{ productVariants(first: 5, query: \"barcode:4000002\") { nodes { sku } } }");
        Assert.Equal("W-2", byBarcode["productVariants"]!["nodes"]![0]!["sku"]!.GetValue<string>());

        var variant = await emu.DataAsync("query($id: ID!) { productVariant(id: $id) { sku } }", new { id = v["id"]!.GetValue<string>() });
        Assert.Equal("W-4", variant["productVariant"]!["sku"]!.GetValue<string>());
        var items = await emu.DataAsync("{ inventoryItems(first: 5, query: \"sku:W-4\") { nodes { id sku variant { sku } } } }");
        Assert.Equal(v["inventoryItem"]!["id"]!.GetValue<string>(), items["inventoryItems"]!["nodes"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_gids_resolve_to_null()
    {
        await using var emu = await SeededAsync();
        var data = await emu.DataAsync("{ product(id: \"gid://shopify/Product/1\") { id } productVariant(id: \"gid://shopify/Product/1\") { id } inventoryItem(id: \"junk\") { id } }");
        Assert.Null(data["product"]);
        Assert.Null(data["productVariant"]);
        Assert.Null(data["inventoryItem"]);
    }
}
