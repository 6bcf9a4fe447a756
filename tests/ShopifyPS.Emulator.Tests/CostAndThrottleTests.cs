namespace ShopifyPS.Emulator.Tests;

/// <summary>Shopify's calculated query cost and the leaky bucket.</summary>
public class CostAndThrottleTests
{
    private const string ProductsWithVariants = "{ products(first: 10) { nodes { id title variants(first: 5) { nodes { id sku } } } } }";

    [Fact]
    public async Task Requested_cost_follows_shopify_rules_and_actual_cost_counts_what_came_back()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (_, body) = await emu.PostAsync(ProductsWithVariants);
        var cost = body["extensions"]!["cost"]!;
        // 2 + 10 × (product 1 + variants connection (2 + 5 × 1)) = 82; the empty shop returns 0 products → 2.
        Assert.Equal(82, cost["requestedQueryCost"]!.GetValue<int>());
        Assert.Equal(2, cost["actualQueryCost"]!.GetValue<int>());
        var throttle = cost["throttleStatus"]!;
        Assert.Equal(2000, throttle["maximumAvailable"]!.GetValue<double>());
        Assert.Equal(100, throttle["restoreRate"]!.GetValue<double>());
        // The difference was refunded: only the actual cost left the bucket.
        Assert.InRange(throttle["currentlyAvailable"]!.GetValue<int>(), 1990, 2000);
    }

    [Fact]
    public async Task Full_pages_cost_what_was_requested()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new
        {
            products = Enumerable.Range(1, 2).Select(i => new
            {
                title = $"P{i}",
                options = new[] { new { name = "Size", values = new[] { "S", "M" } } },
                variants = new[] { new { options = new[] { "S" }, inventory = new Dictionary<string, int> { ["Main warehouse"] = 1 } }, new { options = new[] { "M" }, inventory = new Dictionary<string, int> { ["Main warehouse"] = 1 } } },
            }).ToArray(),
        });
        var (_, body) = await emu.PostAsync("{ products(first: 2) { edges { node { id seo { title } variants(first: 2) { nodes { selectedOptions { name } inventoryItem { inventoryLevels(first: 1) { nodes { quantities(names: [\"available\", \"on_hand\"]) { quantity } } } } } } } } } }");
        var cost = body["extensions"]!["cost"]!;
        // levels: 2 + 1 × (level 1 + quantities 1) = 4; variant: 1 + selectedOptions 1 + item (1 + 4) = 7;
        // variants: 2 + 2 × 7 = 16; product: 1 + seo 1 + 16 = 18; products: 2 + 2 × 18 = 38.
        Assert.Equal(38, cost["requestedQueryCost"]!.GetValue<int>());
        Assert.Equal(38, cost["actualQueryCost"]!.GetValue<int>());
    }

    [Fact]
    public async Task Objects_cost_one_and_scalars_nothing()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (_, body) = await emu.PostAsync("{ shop { name currencyCode plan { displayName } } }");
        Assert.Equal(2, body["extensions"]!["cost"]!["requestedQueryCost"]!.GetValue<int>());
        Assert.Equal(2, body["extensions"]!["cost"]!["actualQueryCost"]!.GetValue<int>());
    }

    [Fact]
    public async Task Mutation_costs_ten_plus_input_complexity()
    {
        await using var emu = await TestEmulator.StartAsync();
        var variants = Enumerable.Range(1, 12).Select(i => new { optionValues = new[] { new { optionName = "Size", name = $"S{i}" } }, price = "1.00" }).ToArray();
        var input = new
        {
            title = "Cost test",
            productOptions = new[] { new { name = "Size", values = variants.Select(v => new { name = v.optionValues[0].name }).ToArray() } },
            variants,
        };
        var (_, body) = await emu.PostAsync("mutation($input: ProductSetInput!) { productSet(input: $input) { product { id } userErrors { message } } }", new { input });
        // 10 + 12 × 0.2 = 12.4 → 13.
        Assert.Equal(13, body["extensions"]!["cost"]!["requestedQueryCost"]!.GetValue<int>());
        Assert.Equal(13, body["extensions"]!["cost"]!["actualQueryCost"]!.GetValue<int>());
    }

    [Fact]
    public async Task Query_over_1000_points_is_max_cost_exceeded_and_not_run()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (status, body) = await emu.PostAsync("{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }");
        Assert.Equal(200, status);
        var error = body["errors"]![0]!;
        Assert.Equal("MAX_COST_EXCEEDED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith("Query cost is 63252, which exceeds the single query max cost limit (1000).", error["message"]!.GetValue<string>());
        Assert.Null(body["data"]);
        Assert.Equal(63252, body["extensions"]!["cost"]!["requestedQueryCost"]!.GetValue<int>());
    }

    [Fact]
    public async Task Exhausted_bucket_throttles_without_executing_then_recovers_after_restore()
    {
        // 10 points/s: the emptied bucket needs a full second before a mutation (10 points) fits again.
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { BucketSize = 100, RestoreRate = 10 });
        await emu.ControlAsync(HttpMethod.Post, "emulator/config", new { currentlyAvailable = 0 });

        var (status, body) = await emu.PostAsync("mutation { productCreate(product: { title: \"Not created\" }) { product { id } } }");
        Assert.Equal(200, status);
        var error = body["errors"]![0]!;
        Assert.Equal("Throttled", error["message"]!.GetValue<string>());
        Assert.Equal("THROTTLED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("https://shopify.dev/api/usage/rate-limits", error["extensions"]!["documentation"]!.GetValue<string>());
        Assert.Equal(10, body["extensions"]!["cost"]!["requestedQueryCost"]!.GetValue<int>());
        Assert.Null(body["extensions"]!["cost"]!["actualQueryCost"]);
        Assert.Equal(10, body["extensions"]!["cost"]!["throttleStatus"]!["restoreRate"]!.GetValue<double>());
        var state = await emu.ControlAsync(HttpMethod.Get, "emulator/state");
        Assert.Empty(state["products"]!.AsArray());

        await Task.Delay(1200);
        var data = await emu.DataAsync("mutation { productCreate(product: { title: \"Created\" }) { product { title } } }");
        Assert.Equal("Created", data["productCreate"]!["product"]!["title"]!.GetValue<string>());

        var log = await emu.ControlAsync(HttpMethod.Get, "emulator/requests");
        Assert.True(log[0]!["throttled"]!.GetValue<bool>());
        Assert.False(log[1]!["throttled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Clock_speed_makes_the_bucket_refill_faster()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { BucketSize = 1000, RestoreRate = 10 });
        await emu.ControlAsync(HttpMethod.Post, "emulator/config", new { currentlyAvailable = 0, clockSpeed = 100 });
        await Task.Delay(200); // 0.2 s × 100 × 10/s = 200 points
        var config = await emu.ControlAsync(HttpMethod.Get, "emulator/config");
        Assert.InRange(config["currentlyAvailable"]!.GetValue<double>(), 150, 1000);
        var (_, body) = await emu.PostAsync("{ shop { name } }");
        Assert.Equal(1000, body["extensions"]!["cost"]!["throttleStatus"]!["restoreRate"]!.GetValue<double>());
    }
}
