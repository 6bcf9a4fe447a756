using System.Diagnostics;
using ShopifyPS.Emulator;
using ShopifyPS.Erp.Import;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Bench;

/// <summary>
/// The export workload (DESIGN.md §8): a synthetic data set of N items with V variants each is loaded into a new
/// database and exported to an in-process emulator with Shopify's Standard limits (bucket 2000, 100 points/s, or
/// the given clock speed factor), first all items (one bulk mutation from 100 products on), then the same items
/// again unchanged (the floor is zero calls), then a set of items below the bulk threshold (single productSet calls).
/// Prints API calls, cost per product, THROTTLED answers, time and peak memory per phase.
/// </summary>
public static class ExportBenchmark
{
    public static async Task<int> RunAsync(int items, int variantsPerItem, double clockSpeed, string folder)
    {
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        ErpDataGenerator.Write(data, new ErpDataSize(items + ProductExportJob.BulkThreshold - 1, variantsPerItem, 1, 0, 1));
        using var store = SqliteStore.Open(Path.Combine(folder, "export.db"), StoreAccess.Write, StoreOptions.Default);
        new ErpDataImporter(store.Erp).Import(data, false, new Progress<RunEvent>(), CancellationToken.None);

        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { BucketSize = 2000, RestoreRate = 100, ClockSpeed = clockSpeed });
        var profile = new ShopProfile
        {
            Name = "bench", Domain = "bench.myshopify.com", Endpoint = emulator.BaseUri.ToString().TrimEnd('/'),
            Auth = new AuthSettings { TokenEnv = "UNUSED" },
            Items = new ItemSettings { SkuMapping = SkuMapping.ItemNoVariantCode, InventoryTracked = true, CanUpdateShopifyProducts = true },
        };
        Console.WriteLine($"export: {items:N0} items with {variantsPerItem} variants each; emulator bucket 2000, restore 100/s, clock speed x{clockSpeed}");
        Console.WriteLine($"{"phase",-34} {"results",8} {"calls",7} {"cost",9} {"cost/product",12} {"throttled",9} {"seconds",8} {"peak MB",8}");

        var bulk = new ItemSelection { Numbers = Enumerable.Range(1, items).Select(i => $"I{i:D7}").ToList() };
        var single = new ItemSelection { Numbers = Enumerable.Range(items + 1, ProductExportJob.BulkThreshold - 1).Select(i => $"I{i:D7}").ToList() };
        await Phase("add (bulk mutation)", profile, emulator, store, (job, ct) => job.AddItemsAsync(bulk, ct));
        await Phase("sync again, nothing changed", profile, emulator, store, (job, ct) => job.SyncLinkedAsync([], false, ct));
        await Phase($"add {single.Numbers.Count} (one productSet each)", profile, emulator, store, (job, ct) => job.AddItemsAsync(single, ct));
        return 0;
    }

    private static async Task Phase(string name, ShopProfile profile, RunningEmulator emulator, SqliteStore store,
        Func<ProductExportJob, CancellationToken, IAsyncEnumerable<SyncResult>> run)
    {
        var client = new ShopifyClient(profile, new FixedToken(emulator.Token), null, new ShopifyClientOptions());
        var watch = Stopwatch.StartNew();
        var counts = new Dictionary<SyncAction, int>();
        await foreach (var result in run(new ProductExportJob(new SyncContext(profile, client, store, new Progress<RunEvent>(), false, DateOnly.FromDateTime(DateTime.Now))), CancellationToken.None))
            counts[result.Action] = counts.GetValueOrDefault(result.Action) + 1;
        watch.Stop();
        var sent = counts.GetValueOrDefault(SyncAction.Created) + counts.GetValueOrDefault(SyncAction.Updated);
        var s = client.Statistics;
        Console.WriteLine($"{name,-34} {string.Join(" ", counts.Select(c => $"{c.Key}={c.Value}")),8} {s.Calls,7:N0} {s.ActualCost,9:N0} " +
            $"{(sent == 0 ? "-" : (s.ActualCost / (double)sent).ToString("0.00")),12} {s.Throttled,9} {watch.Elapsed.TotalSeconds,8:0.0} {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576,8}");
    }

    private sealed class FixedToken(string token) : AccessTokenProvider
    {
        public override string Source => "benchmark token";
        public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
    }
}
