using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;
using ShopifyPS.Tests.Integration;
using ShopifyPS.Tests.Shopify;

namespace ShopifyPS.Tests.Import;

/// <summary>The import job against the in-process emulator: how it reads (bulk for a first import, pages for the
/// changes since) and that -WhatIf saves nothing.</summary>
public sealed class ProductImportJobTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(260)]
    public async Task A_first_import_of_any_size_reads_through_one_bulk_query_without_counting_first(int products)
    {
        await using var shop = await EmulatorShop.StartAsync(bucket: 20000, restoreRate: 20000);
        await shop.SeedAsync(new { products = Enumerable.Range(1, products).Select(i => new { title = $"P{i}", variants = new[] { new { sku = $"S{i}", cost = "2.50" } } }) });
        using var store = SqliteStore.OpenInMemory();
        store.Erp.Upsert(ErpTables.Items, new Item { No = "S1" });
        var events = new EventLog();

        var results = await RunAsync(shop, store, whatIf: false, progress: events);

        Assert.Equal(products, results.Count);
        Assert.Equal("S1", results.Single(r => r.ItemNo.Length > 0).ItemNo);
        var operations = (await shop.RequestsAsync()).Select(r => r.Value<string>("operationName")).ToList();
        Assert.Single(operations, o => o == "BulkOperationRunQuery");
        Assert.DoesNotContain("ProductsCount", operations);
        Assert.DoesNotContain("Products", operations);
        // The progress counts towards the products Shopify's bulk operation wrote (its rootObjectCount).
        var last = events.Events.Last(e => e.Kind == RunEventKind.Progress && e.Message.EndsWith(" products", StringComparison.Ordinal));
        Assert.Equal((products, products), (last.Done, last.Total));
        Assert.Equal(products, store.Connector.Products("emulator").Count());
        Assert.NotNull(store.Connector.GetLastSync("emulator", SyncKind.Products));
    }

    [Fact]
    public async Task A_product_that_fails_in_the_middle_of_a_batch_leaves_nothing_and_the_others_are_saved()
    {
        // Products go into the store in batches of ImportBatch.MaxProducts; product 150's second SKU is too long for an
        // item no., after its first variant's item was created.
        const int products = 260;
        const string tooLong = "SKU-TOO-LONG-FOR-AN-ITEM-NO";
        await using var shop = await EmulatorShop.StartAsync(bucket: 20000, restoreRate: 20000);
        await shop.SeedAsync(new
        {
            products = Enumerable.Range(1, products).Select(i => new
            {
                title = $"P{i}",
                options = new[] { new { name = "Size", values = i == 150 ? new[] { "A", "B" } : ["A"] } },
                variants = (i == 150 ? new[] { ("A", "S150"), ("B", tooLong) } : [("A", $"S{i}")]).Select(v => new { options = new[] { v.Item1 }, sku = v.Item2, cost = "2.50" }).ToArray(),
            }),
        });
        using var store = SqliteStore.OpenInMemory();
        store.Erp.Upsert(ErpTables.ItemTemplates, new ItemTemplate { Code = "WEB" });

        var results = await RunAsync(shop, store, whatIf: false, autoCreate: true);

        Assert.Equal(products + 1, results.Count);
        var failed = results.Where(r => r.Action == SyncAction.Failed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, r => Assert.Contains(tooLong, r.Message));
        Assert.False(store.Erp.Exists(ErpTables.Items, ("No", "S150")));
        Assert.True(store.Erp.Exists(ErpTables.Items, ("No", "S149")));
        Assert.True(store.Erp.Exists(ErpTables.Items, ("No", "S151")));
        Assert.Equal(products - 1, store.Connector.Products("emulator").Count());
        Assert.Null(store.Connector.GetLastSync("emulator", SyncKind.Products));
    }

    [Fact]
    public async Task WhatIf_plans_the_creation_and_saves_nothing()
    {
        await using var shop = await EmulatorShop.StartAsync();
        await shop.SeedAsync(new { products = new[] { new { title = "New", variants = new[] { new { sku = "NEW-1", price = "10.00", cost = "4.00" } } } } });
        using var store = SqliteStore.OpenInMemory();
        store.Erp.Upsert(ErpTables.ItemTemplates, new ItemTemplate { Code = "WEB" });

        var planned = Assert.Single(await RunAsync(shop, store, whatIf: true, autoCreate: true));

        Assert.Equal((SyncAction.Created, true, "NEW-1"), (planned.Action, planned.Planned, planned.ItemNo));
        Assert.Contains("UnitCost 4", planned.Message);
        Assert.False(store.Erp.Exists(ErpTables.Items, ("No", "NEW-1")));
        Assert.Empty(store.Connector.Products("emulator"));
        Assert.Null(store.Connector.GetLastSync("emulator", SyncKind.Products));
    }

    [Fact]
    public async Task A_first_import_stopped_midway_keeps_what_it_reported_and_the_next_run_finishes_with_nothing_twice()
    {
        const int products = 260;
        await using var shop = await EmulatorShop.StartAsync(bucket: 20000, restoreRate: 20000);
        await shop.SeedAsync(new
        {
            products = Enumerable.Range(1, products).Select(i => new { title = $"P{i}", variants = new[] { new { sku = $"S{i}", barcode = $"B{i}", cost = "2.50" } } }),
        });
        using var store = SqliteStore.OpenInMemory();
        store.Erp.Upsert(ErpTables.ItemTemplates, new ItemTemplate { Code = "WEB" });

        // Stopped (as by Select-Object -First or Ctrl+C) after the first batch's results: the products of the open batch
        // are rolled back with their items, so the store holds each product with its item, or neither.
        var first = await RunAsync(shop, store, whatIf: false, autoCreate: true, stopAfter: ImportBatch.MaxProducts);
        Assert.Equal(ImportBatch.MaxProducts, first.Count);
        var saved = store.Connector.Products("emulator").Count();
        Assert.InRange(saved, ImportBatch.MaxProducts, products - 1);
        Assert.Equal(saved, store.Erp.Rows(ErpTables.Items).Count);
        Assert.All(first, r => Assert.NotNull(store.Connector.GetVariant("emulator", r.VariantId)));
        Assert.Null(store.Connector.GetLastSync("emulator", SyncKind.Products));

        var second = await RunAsync(shop, store, whatIf: false, autoCreate: true);

        Assert.Equal(products, second.Count);
        Assert.Equal(products - saved, second.Count(r => r.Action == SyncAction.Created));
        Assert.Equal(products, store.Connector.Products("emulator").Count());
        Assert.Equal(products, store.Connector.Variants("emulator").Count(v => v.ItemNo.Length > 0));
        Assert.Equal(products, store.Erp.Rows(ErpTables.Items).Count);
        Assert.Equal(products, store.Erp.Rows(ErpTables.ItemReferences).Count);
        Assert.NotNull(store.Connector.GetLastSync("emulator", SyncKind.Products));
    }

    private static async Task<List<SyncResult>> RunAsync(EmulatorShop shop, SqliteStore store, bool whatIf, bool autoCreate = false, int? stopAfter = null, IProgress<RunEvent>? progress = null)
    {
        var profile = shop.Profile();
        profile.Items = new ItemSettings { SyncItem = SyncItemMode.FromShopify, SkuMapping = SkuMapping.ItemNo, AutoCreateUnknownItems = autoCreate, ItemTemplateCode = "WEB" };
        var client = new ShopifyClient(profile, new TokenFor(shop), options: EmulatorShop.Fast);
        var context = new ShopSession(profile, client, store, progress ?? new Progress<RunEvent>(), whatIf, new DateOnly(2026, 5, 1), new ShopifyHome(Path.GetTempPath()));
        var results = new List<SyncResult>();
        await foreach (var result in ProductImportJob.RunAsync(context, new ImportOptions(), CancellationToken.None))
        {
            results.Add(result);
            if (results.Count == stopAfter) break;
        }
        return results;
    }

    private sealed class TokenFor(EmulatorShop shop) : AccessTokenProvider
    {
        public override string Source => "test token";
        public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(shop.Emulator.Token);
    }
}
