using System.Net;
using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.Tests;

/// <summary>Faults, the request log, reset and seeding through /emulator/ endpoints.</summary>
public class ControlTests
{
    private const string ShopQuery = "query ShopName { shop { name } }";

    [Fact]
    public async Task Http429_fault_for_next_call_carries_retry_after_then_clears()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "http429", count = 1, retryAfter = 3 });
        using var req = new HttpRequestMessage(HttpMethod.Post, "admin/api/2026-04/graphql.json")
        {
            Content = new StringContent("{\"query\":\"{ shop { name } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        req.Headers.Add("X-Shopify-Access-Token", emu.Emulator.Token);
        using var resp = await emu.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.TooManyRequests, resp.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), resp.Headers.RetryAfter!.Delta);
        Assert.Equal(200, (await emu.PostAsync(ShopQuery)).Status);
    }

    [Fact]
    public async Task Http5xx_and_throttled_faults_at_rate_one_hit_every_call_until_deleted()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "http5xx", rate = 1.0, status = 502 });
        Assert.Equal(502, (await emu.PostAsync(ShopQuery)).Status);
        Assert.Equal(502, (await emu.PostAsync(ShopQuery)).Status);
        await emu.ControlAsync(HttpMethod.Delete, "emulator/faults");

        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "throttled", count = 1 });
        var (status, body) = await emu.PostAsync(ShopQuery);
        Assert.Equal(200, status);
        Assert.Equal("THROTTLED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.NotNull(body["extensions"]!["cost"]!["throttleStatus"]);
        Assert.Equal("Emulator", (await emu.DataAsync(ShopQuery))["shop"]!["name"]!.GetValue<string>().Split(' ')[^1]);
    }

    [Fact]
    public async Task Drop_after_applies_the_mutation_then_aborts_the_connection()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "dropAfter", count = 1, match = "productCreate" });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            emu.PostAsync("mutation { productCreate(product: { title: \"Applied\" }) { product { id } } }"));
        var state = await emu.ControlAsync(HttpMethod.Get, "emulator/state");
        Assert.Equal("Applied", state["products"]![0]!["title"]!.GetValue<string>());
        var log = await emu.ControlAsync(HttpMethod.Get, "emulator/requests");
        Assert.Equal("dropAfter", log[0]!["fault"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drop_before_does_not_apply_the_mutation()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "dropBefore", count = 1 });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            emu.PostAsync("mutation { productCreate(product: { title: \"Lost\" }) { product { id } } }"));
        var state = await emu.ControlAsync(HttpMethod.Get, "emulator/state");
        Assert.Empty(state["products"]!.AsArray());
    }

    [Fact]
    public async Task Latency_fault_delays_the_response()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "latency", latencyMs = 300, count = 1 });
        Assert.Equal(200, (await emu.PostAsync(ShopQuery)).Status);
        Assert.Equal(200, (await emu.PostAsync(ShopQuery)).Status);

        // The log says what was injected, so the fault is checked without measuring time.
        var log = (await emu.ControlAsync(HttpMethod.Get, "emulator/requests")).AsArray();
        Assert.Equal(new[] { 300, 0 }, log.Select(e => e!["injectedLatencyMs"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Client_timeout_during_latency_is_logged_as_499()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "latency", latencyMs = 5000, count = 1 });
        using var impatient = new HttpClient { BaseAddress = emu.Emulator.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) };
        using var req = new HttpRequestMessage(HttpMethod.Post, "admin/api/2026-04/graphql.json")
        {
            Content = new StringContent("{\"query\":\"{ shop { name } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        req.Headers.Add("X-Shopify-Access-Token", emu.Emulator.Token);
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.SendAsync(req));
        JsonNode? entry = null;
        for (var i = 0; i < 50 && entry == null; i++)
        {
            await Task.Delay(50);
            entry = (await emu.ControlAsync(HttpMethod.Get, "emulator/requests")).AsArray().FirstOrDefault();
        }
        Assert.Equal(499, entry!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_fault_kind_is_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var resp = await emu.Http.PostAsync("emulator/faults", new StringContent("{\"kind\":\"meteor\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
    }

    [Fact]
    public async Task Request_log_records_operation_document_variables_and_costs()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.PostAsync("query Locs($n: Int!) { locations(first: $n) { nodes { id } } }", new { n = 2 });
        var entry = (await emu.ControlAsync(HttpMethod.Get, "emulator/requests"))[0]!;
        Assert.Equal("Locs", entry["operationName"]!.GetValue<string>());
        Assert.Contains("locations(first: $n)", entry["document"]!.GetValue<string>());
        Assert.Equal(2, entry["variables"]!["n"]!.GetValue<int>());
        Assert.Equal(4, entry["requestedCost"]!.GetValue<int>());
        Assert.Equal(4, entry["actualCost"]!.GetValue<int>());
        Assert.Equal(200, entry["status"]!.GetValue<int>());
        await emu.ControlAsync(HttpMethod.Delete, "emulator/requests");
        Assert.Empty((await emu.ControlAsync(HttpMethod.Get, "emulator/requests")).AsArray());
    }

    [Fact]
    public async Task Seed_file_given_at_start_is_loaded()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "{\"shop\":{\"name\":\"Seeded shop\"},\"locations\":[{\"name\":\"Outlet\"}],\"products\":[{\"title\":\"Kettle\",\"variants\":[{\"sku\":\"K-1\",\"price\":\"30.00\",\"inventory\":{\"Outlet\":{\"available\":4,\"committed\":1}}}]}]}");
            await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { SeedPath = path });
            var data = await emu.DataAsync("{ shop { name } locations(first: 10) { nodes { name } } productVariants(first: 1, query: \"sku:K-1\") { nodes { price inventoryItem { inventoryLevels(first: 5) { nodes { location { name } quantities(names: [\"available\", \"committed\", \"on_hand\"]) { quantity } } } } } } }");
            Assert.Equal("Seeded shop", data["shop"]!["name"]!.GetValue<string>());
            Assert.Equal(4, data["locations"]!["nodes"]!.AsArray().Count);
            var level = data["productVariants"]!["nodes"]![0]!["inventoryItem"]!["inventoryLevels"]!["nodes"]![0]!;
            Assert.Equal("Outlet", level["location"]!["name"]!.GetValue<string>());
            Assert.Equal(new[] { 4, 1, 5 }, level["quantities"]!.AsArray().Select(q => q!["quantity"]!.GetValue<int>()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Bad_seed_is_refused_with_the_reason()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var resp = await emu.Http.PostAsync("emulator/seed", new StringContent("{\"products\":[{\"title\":\"X\",\"variants\":[{\"inventory\":{\"Nowhere\":1}}]}]}"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.Contains("Nowhere", await resp.Content.ReadAsStringAsync());
        Assert.Empty((await emu.ControlAsync(HttpMethod.Get, "emulator/state"))["products"]!.AsArray());
    }

    [Fact]
    public async Task Reset_empties_the_shop_and_can_seed_it()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.DataAsync("mutation { productCreate(product: { title: \"Gone\" }) { product { id } } }");
        await emu.ControlAsync(HttpMethod.Post, "emulator/reset", new { seed = new { products = new[] { new { title = "Seeded", variants = new[] { new { sku = "S-1", price = "2.50", inventory = new Dictionary<string, int> { ["Main warehouse"] = 7 } } } } } } });
        var state = await emu.ControlAsync(HttpMethod.Get, "emulator/state");
        var product = state["products"]!.AsArray().Single()!;
        Assert.Equal("Seeded", product["title"]!.GetValue<string>());
        Assert.Equal(7, product["variants"]![0]!["inventoryItem"]!["levels"]![0]!["available"]!.GetValue<int>());
        Assert.Equal(3, state["locations"]!.AsArray().Count);
    }

    [Fact]
    public async Task Access_scopes_taken_away_are_not_listed_and_their_mutations_are_denied()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/config", new { accessScopes = new[] { "read_products", "read_locations" } });

        var scopes = (await emu.DataAsync("query Scopes { currentAppInstallation { accessScopes { handle } } }"))["currentAppInstallation"]!["accessScopes"]!
            .AsArray().Select(s => s!["handle"]!.GetValue<string>()).ToList();
        Assert.Equal(["read_products", "read_locations"], scopes);

        var (status, body) = await emu.PostAsync("mutation Add { tagsAdd(id: \"gid://shopify/Product/1\", tags: [\"x\"]) { userErrors { message } } }");
        Assert.Equal(200, status);
        var error = body["errors"]![0]!;
        Assert.Equal("ACCESS_DENIED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("`write_products`", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Internal_error_fault_answers_200_with_Shopifys_top_level_error_and_executes_nothing()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/faults", new { kind = "internalError", count = 1 });
        var (status, body) = await emu.PostAsync("mutation Add { productCreate(product: { title: \"Lamp\" }) { product { id } userErrors { message } } }");

        Assert.Equal(200, status);
        Assert.Equal("INTERNAL_SERVER_ERROR", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
        Assert.Empty((await emu.DataAsync("query P { products(first: 5) { nodes { id } } }"))["products"]!["nodes"]!.AsArray());
    }
}
