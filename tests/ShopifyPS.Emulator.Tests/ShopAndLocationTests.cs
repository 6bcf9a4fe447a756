namespace ShopifyPS.Emulator.Tests;

public class ShopAndLocationTests
{
    [Fact]
    public async Task Shop_and_app_installation_describe_the_emulated_store()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { Currency = "EUR" });
        var data = await emu.DataAsync("{ shop { name myshopifyDomain currencyCode plan { displayName partnerDevelopment shopifyPlus } } currentAppInstallation { accessScopes { handle } } }");
        Assert.Equal("ShopifyPS Emulator", data["shop"]!["name"]!.GetValue<string>());
        Assert.Equal("emulator.myshopify.com", data["shop"]!["myshopifyDomain"]!.GetValue<string>());
        Assert.Equal("EUR", data["shop"]!["currencyCode"]!.GetValue<string>());
        Assert.False(data["shop"]!["plan"]!["shopifyPlus"]!.GetValue<bool>());
        var scopes = data["currentAppInstallation"]!["accessScopes"]!.AsArray().Select(s => s!["handle"]!.GetValue<string>()).ToList();
        Assert.Contains("write_inventory", scopes);
        Assert.Contains("write_products", scopes);
    }

    [Fact]
    public async Task Three_default_locations_page_by_name_and_resolve_by_id()
    {
        await using var emu = await TestEmulator.StartAsync();
        var page1 = await emu.DataAsync("{ locations(first: 2) { nodes { id name isActive fulfillsOnlineOrders hasActiveInventory shipsInventory address { city } } pageInfo { hasNextPage endCursor } } }");
        var nodes = page1["locations"]!["nodes"]!.AsArray();
        Assert.Equal(new[] { "East store", "Main warehouse" }, nodes.Select(n => n!["name"]!.GetValue<string>()));
        Assert.True(page1["locations"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.StartsWith("gid://shopify/Location/", nodes[0]!["id"]!.GetValue<string>());

        var cursor = page1["locations"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var page2 = await emu.DataAsync("query($after: String) { locations(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage hasPreviousPage } } }", new { after = cursor });
        Assert.Equal("West store", page2["locations"]!["nodes"]![0]!["name"]!.GetValue<string>());
        Assert.False(page2["locations"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(page2["locations"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        var id = nodes[1]!["id"]!.GetValue<string>();
        var one = await emu.DataAsync("query($id: ID!) { location(id: $id) { name } }", new { id });
        Assert.Equal("Main warehouse", one["location"]!["name"]!.GetValue<string>());
        var filtered = await emu.DataAsync("{ locations(first: 5, query: \"name:'West store'\") { edges { cursor node { name } } } }");
        Assert.Single(filtered["locations"]!["edges"]!.AsArray());
    }

    [Fact]
    public async Task A_seeded_location_of_a_fulfillment_service_says_so()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "/emulator/seed", new { locations = new[] { new { name = "Acme 3PL", fulfillmentService = "Acme Fulfillment" } } });

        var nodes = (await emu.DataAsync("{ locations(first: 10) { nodes { name isFulfillmentService fulfillmentService { serviceName handle type location { name } } } } }"))
            ["locations"]!["nodes"]!.AsArray();

        var acme = nodes.Single(n => n!["name"]!.GetValue<string>() == "Acme 3PL")!;
        Assert.True(acme["isFulfillmentService"]!.GetValue<bool>());
        Assert.Equal("Acme Fulfillment", acme["fulfillmentService"]!["serviceName"]!.GetValue<string>());
        Assert.Equal("acme-fulfillment", acme["fulfillmentService"]!["handle"]!.GetValue<string>());
        Assert.Equal("Acme 3PL", acme["fulfillmentService"]!["location"]!["name"]!.GetValue<string>());
        Assert.All(nodes.Where(n => n != acme), n => Assert.False(n!["isFulfillmentService"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Fragments_and_typename_resolve_on_node()
    {
        await using var emu = await TestEmulator.StartAsync();
        var id = (await emu.DataAsync("{ locations(first: 1) { nodes { id } } }"))["locations"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var data = await emu.DataAsync("query($id: ID!) { node(id: $id) { __typename id ...L ... on Product { title } } } fragment L on Location { name }", new { id });
        Assert.Equal("Location", data["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal("East store", data["node"]!["name"]!.GetValue<string>());
        Assert.Null(data["node"]!["title"]);
    }
}
