using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Integration;

/// <summary>The client against the real emulator: reads, connectivity, auth failures, bulk operations.</summary>
public sealed class ClientAgainstEmulatorTests
{
    internal static object Catalog(int products, int variantsOfFirst = 2) => new
    {
        products = Enumerable.Range(1, products).Select(p => new
        {
            title = $"Product {p}",
            handle = $"product-{p}",
            vendor = "Contoso",
            productType = "Tables",
            tags = new[] { "erp" },
            options = new[] { new { name = "Size", values = Enumerable.Range(1, p == 1 ? variantsOfFirst : 2).Select(v => $"S{v}").ToArray() } },
            variants = Enumerable.Range(1, p == 1 ? variantsOfFirst : 2).Select(v => new
            {
                options = new[] { $"S{v}" },
                sku = $"P{p}-S{v}",
                price = $"{p}.{v:00}",
                inventory = new Dictionary<string, int> { ["Main warehouse"] = p * 10 + v },
            }).ToArray(),
        }).ToArray(),
    };

    [Fact]
    public async Task Products_are_read_with_all_their_variants_paged()
    {
        await using var shop = await EmulatorShop.StartAsync();
        await shop.SeedAsync(Catalog(5, variantsOfFirst: 25));
        var reader = new ProductReader(shop.Client(), pageSize: 2, variantsPerProduct: 10);

        var products = new List<ShopifyProduct>();
        await foreach (var product in reader.ListAsync(query: null)) products.Add(product);

        Assert.Equal(5, products.Count);
        Assert.Equal(25, products.Single(p => p.Title == "Product 1").Variants.Count);
        Assert.Equal(Enumerable.Range(1, 25).Select(v => $"P1-S{v}"), products.Single(p => p.Title == "Product 1").Variants.Select(v => v.Sku));
        var variant = products.Single(p => p.Title == "Product 3").Variants[1];
        Assert.Equal("P3-S2", variant.Sku);
        Assert.Equal(3.02m, variant.Price);
        Assert.StartsWith("gid://shopify/InventoryItem/", variant.InventoryItemId);
        Assert.Equal("emulator", products[0].Shop);
        Assert.Equal(5, await reader.CountAsync(null));
    }

    [Fact]
    public async Task Products_are_found_by_id_sku_and_search_query()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var seeded = await shop.SeedAsync(Catalog(3));
        var reader = new ProductReader(shop.Client());
        var secondId = seeded["products"]![1]!.Value<string>("id")!;

        var byGid = await reader.GetAsync(secondId);
        var byNumber = await reader.GetAsync(secondId.Split('/')[^1]);
        var bySku = new List<ShopifyProduct>();
        await foreach (var p in reader.FindBySkuAsync("P3-S1")) bySku.Add(p);
        var byQuery = new List<ShopifyProduct>();
        await foreach (var p in reader.ListAsync("title:'Product 2'")) byQuery.Add(p);

        Assert.Equal("Product 2", byGid!.Title);
        Assert.Equal(secondId, byNumber!.Id);
        Assert.Equal("Product 3", Assert.Single(bySku).Title);
        Assert.Equal("Product 2", Assert.Single(byQuery).Title);
        Assert.Null(await reader.GetAsync("gid://shopify/Product/999999"));
    }

    [Fact]
    public async Task Connectivity_check_reports_shop_plan_version_and_scopes()
    {
        await using var shop = await EmulatorShop.StartAsync();

        var connection = await ShopConnection.CheckAsync(shop.Client());

        Assert.False(string.IsNullOrEmpty(connection.ShopName));
        Assert.False(string.IsNullOrEmpty(connection.Plan));
        Assert.True(connection.ApiVersionSupported);
        Assert.Empty(connection.MissingScopes);
        Assert.Contains("write_inventory", connection.GrantedScopes);
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_error_and_an_unknown_version_a_404()
    {
        await using var shop = await EmulatorShop.StartAsync();

        var auth = await Assert.ThrowsAsync<ShopifyAuthenticationException>(() => shop.Client(token: "shpat_wrong").ExecuteAsync("ShopInfo"));
        var version = await Assert.ThrowsAsync<ShopifyHttpException>(() => shop.Client(apiVersion: "2019-04").ExecuteAsync("ShopInfo"));

        Assert.Equal(401, auth.StatusCode);
        Assert.DoesNotContain("shpat_wrong", auth.ToString());
        Assert.Equal(404, version.StatusCode);
    }

    [Fact]
    public async Task Bulk_export_returns_every_product_with_its_variants()
    {
        await using var shop = await EmulatorShop.StartAsync();
        await shop.SeedAsync(Catalog(4, variantsOfFirst: 3));
        var client = shop.Client();

        var reader = new BulkGroupReader<BulkProductLine>(BulkProductLine.Reader("test"), p => p.VariantsCount);
        var products = await reader.ReadAsync(new BulkQueryRunner(client).RunLinesAsync("BulkProducts")).ToListAsync();

        Assert.Equal(4, products.Count);
        var first = products.Single(p => p.Data.Product!.Title == "Product 1");
        Assert.Equal(new[] { "P1-S1", "P1-S2", "P1-S3" }, first.Children.Select(v => v.Data.Variant!.Sku).Order());
        Assert.Equal(3, first.Data.VariantsCount);
    }

    [Fact]
    public async Task Bulk_mutation_applies_every_line_and_reports_each_result()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var seeded = await shop.SeedAsync(Catalog(3));
        var client = shop.Client();
        var ids = seeded["products"]!.Select(p => p.Value<string>("id")!).Append("gid://shopify/Product/999999").ToList();

        var results = new List<BulkMutationResult>();
        await foreach (var result in new BulkMutationRunner(client).RunAsync("TagsAdd", ids.Select(id => (object)new { id, tags = new[] { "bulk" } }), "shopifyps-test-bulk"))
            results.Add(result);

        Assert.Equal(new[] { 0, 1, 2, 3 }, results.Select(r => r.LineNumber).Order());
        Assert.All(results.Where(r => r.LineNumber < 3), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.False(results.Single(r => r.LineNumber == 3).Succeeded);
        var product = await new ProductReader(client).GetAsync(ids[0]);
        Assert.Contains("bulk", product!.Tags);
    }

    [Fact]
    public async Task Bulk_mutation_lines_beyond_the_limit_per_file_go_in_further_operations_numbered_on()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var seeded = await shop.SeedAsync(Catalog(5));
        // Each line is about 60 bytes: two fit a file of 130, so five lines make three files and three operations.
        var client = shop.Client(new ShopifyClientOptions
        {
            BulkPollInterval = EmulatorShop.Fast.BulkPollInterval, BulkSlowPollInterval = EmulatorShop.Fast.BulkSlowPollInterval, BulkUploadMaxBytes = 130,
        });
        var ids = seeded["products"]!.Select(p => p.Value<string>("id")!).ToList();

        var results = new List<BulkMutationResult>();
        await foreach (var result in new BulkMutationRunner(client).RunAsync("TagsAdd", ids.Select(id => (object)new { id, tags = new[] { "split" } })))
            results.Add(result);

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, results.Select(r => r.LineNumber).Order());
        Assert.All(results, r => Assert.Equal(ids[r.LineNumber], r.Payload!["node"]!.Value<string>("id")));
        var operations = (await shop.RequestsAsync()).Select(r => r.Value<string>("operationName")).ToList();
        Assert.Equal(3, operations.Count(o => o == "BulkOperationRunMutation"));
        Assert.Equal(3, operations.Count(o => o == "StagedUploadsCreate"));
        foreach (var id in ids) Assert.Contains("split", (await new ProductReader(client).GetAsync(id))!.Tags);
    }

    [Fact]
    public async Task A_bulk_mutation_of_safe_lines_survives_a_lost_answer_to_its_start()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var seeded = await shop.SeedAsync(Catalog(3));
        var client = shop.Client();
        var ids = seeded["products"]!.Select(p => p.Value<string>("id")!).ToList();
        // Shopify starts the operation, then the answer is lost: the client cannot know whether it ran.
        await shop.FaultsAsync(new { kind = "dropAfter", count = 1, match = "BulkOperationRunMutation" });

        var results = new List<BulkMutationResult>();
        await foreach (var result in new BulkMutationRunner(client).RunAsync("TagsAdd", ids.Select(id => (object)new { id, tags = new[] { "bulk" } })))
            results.Add(result);

        // Every line of tagsAdd is safe to run twice, so the start is replayed and the run completes.
        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.Equal(1, client.Statistics.Retries);
        foreach (var id in ids) Assert.Contains("bulk", (await new ProductReader(client).GetAsync(id))!.Tags);
    }
}
