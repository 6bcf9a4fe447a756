using System.Diagnostics;
using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Emulator;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Bench;

/// <summary>
/// Issue 6's done-when: Sync-ShopifyProduct from Shopify on a large shop. The first import reads every product
/// through one bulk query (the floor: one bulkOperationRunQuery, its polls and one download, outside the point
/// budget), maps half of the products to ERP items by SKU and creates the other half from the template; the second
/// import, with nothing changed, is one count and one empty page.
/// </summary>
internal static class ImportWorkload
{
    public static async Task<int> RunAsync(int products, string database)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var control = new HttpClient { BaseAddress = emulator.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        for (var start = 1; start <= products; start += 1000)
        {
            var batch = Enumerable.Range(start, Math.Min(1000, products - start + 1)).Select(i => new
            {
                title = $"Bench product {i}", vendor = "Acme", productType = "Gear",
                variants = new[] { new { sku = $"B{i:000000}", price = "25.00", cost = "11.00", barcode = $"20{i:00000000000}" } },
            });
            (await control.PostAsJsonAsync("emulator/seed", new { products = batch })).EnsureSuccessStatusCode();
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // keep the seeding out of the next import's overlap window

        if (File.Exists(database)) File.Delete(database);
        using var store = SqliteStore.Open(database, StoreAccess.Write, StoreOptions.Default);
        SeedErp(store, products / 2);

        Environment.SetEnvironmentVariable("SHOPIFYPS_BENCH_TOKEN", emulator.Token);
        var profile = new ShopProfile
        {
            Name = "bench", Domain = "bench.myshopify.com", Endpoint = emulator.BaseUri.ToString().TrimEnd('/'),
            Auth = new AuthSettings { TokenEnv = "SHOPIFYPS_BENCH_TOKEN" },
            Items = new ItemSettings { SyncItem = SyncItemMode.FromShopify, SkuMapping = SkuMapping.ItemNo, AutoCreateUnknownItems = true, ItemTemplateCode = "WEB" },
        };
        var home = new ShopifyHome(Path.GetTempPath());
        await RunOnceAsync("first import (bulk)", profile, home, store, control);
        await RunOnceAsync("second import, nothing changed", profile, home, store, control);
        Console.WriteLine($"peakWorkingSetMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576}");
        return 0;
    }

    private static async Task RunOnceAsync(string name, ShopProfile profile, ShopifyHome home, SqliteStore store, HttpClient control)
    {
        (await control.DeleteAsync("emulator/requests")).EnsureSuccessStatusCode();
        var client = new ShopifyClient(profile, home);
        var context = new SyncContext(profile, client, store, new Progress<RunEvent>(), false, DateOnly.FromDateTime(DateTime.Now));
        var counts = new Dictionary<SyncAction, int>();
        var watch = Stopwatch.StartNew();
        TimeSpan? firstResult = null;
        await foreach (var result in ProductImportJob.RunAsync(context, new ImportOptions(), CancellationToken.None))
        {
            firstResult ??= watch.Elapsed;
            counts[result.Action] = counts.GetValueOrDefault(result.Action) + 1;
        }
        watch.Stop();
        var log = JArray.Parse(await control.GetStringAsync("emulator/requests"));
        var calls = log.GroupBy(e => e.Value<string>("operationName")).Select(g => $"{g.Key}×{g.Count()}");
        Console.WriteLine($"workload=import run=\"{name}\" results={counts.Values.Sum()} " +
            string.Join(" ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key.ToString().ToLowerInvariant()}={c.Value}")) +
            $" calls={client.Statistics.Calls} [{string.Join(", ", calls)}] cost={client.Statistics.ActualCost} throttled={client.Statistics.Throttled} seconds={watch.Elapsed.TotalSeconds:0.0} readSeconds={firstResult?.TotalSeconds ?? watch.Elapsed.TotalSeconds:0.0}");
    }

    /// <summary>Items B000001.. for the first half of the products, the template and its number series for the rest.</summary>
    private static void SeedErp(SqliteStore store, int items)
    {
        using var transaction = store.BeginTransaction();
        var erp = store.Erp;
        erp.Upsert(ErpTables.ItemTemplates, new ItemTemplate { Code = "WEB", BaseUnitOfMeasure = "PCS", VatProdPostingGroup = "HIGH", NoSeries = "WEB" });
        erp.Upsert(ErpTables.NoSeries, new NoSeries { Code = "WEB", StartingNo = "W000001" });
        erp.Upsert(ErpTables.Vendors, new Vendor { No = "V1", Name = "Acme" });
        erp.Upsert(ErpTables.ItemCategories, new ItemCategory { Code = "GEAR", Description = "Gear" });
        for (var i = 1; i <= items; i++) erp.Upsert(ErpTables.Items, new Item { No = $"B{i:000000}", Description = $"Item {i}", UnitPrice = 20 });
        transaction.Commit();
    }
}
