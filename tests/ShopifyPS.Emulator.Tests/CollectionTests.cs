namespace ShopifyPS.Emulator.Tests;

/// <summary>Collections: custom and smart, found by collections(query:), joined by productSet's collections input.</summary>
public class CollectionTests
{
    private const string Set = "mutation($i: ProductSetInput!) { productSet(input: $i, synchronous: true) { product { id collections(first: 5) { nodes { handle } } } userErrors { field message code } } }";

    [Fact]
    public async Task ProductSet_joins_custom_collections_and_refuses_smart_and_unknown_ones()
    {
        await using var emu = await TestEmulator.StartAsync();
        var seeded = await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new { collections = new object[] { new { title = "Summer Outdoor", handle = "summer" }, new { title = "Sale", smart = true } } });
        var custom = seeded["collections"]![0]!["id"]!.GetValue<string>();
        var smart = seeded["collections"]![1]!["id"]!.GetValue<string>();

        var found = (await emu.DataAsync("query($q: String!) { collections(first: 10, query: $q) { nodes { handle ruleSet { appliedDisjunctively } } } }",
            new { q = "handle:\"summer\" OR title:\"Sale\"" }))["collections"]!["nodes"]!.AsArray();
        Assert.Equal(["summer", "sale"], found.Select(n => n!["handle"]!.GetValue<string>()));
        Assert.Null(found[0]!["ruleSet"]);
        Assert.NotNull(found[1]!["ruleSet"]);

        var refused = (await emu.DataAsync(Set, new { i = new { title = "Tent", collections = new[] { custom, smart, "gid://shopify/Collection/999999" } } }))["productSet"]!;
        Assert.Null(refused["product"]);
        Assert.Equal(["INVALID_INPUT", "NOT_FOUND"], refused["userErrors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        Assert.Equal("Can't manually add products to a smart collection.", refused["userErrors"]![0]!["message"]!.GetValue<string>());

        var joined = (await emu.DataAsync(Set, new { i = new { title = "Tent", collections = new[] { custom } } }))["productSet"]!;
        Assert.Equal("summer", joined["product"]!["collections"]!["nodes"]![0]!["handle"]!.GetValue<string>());
    }
}
