using ShopifyPS.Erp;
using ShopifyPS.Erp.Import;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Bench;

/// <summary>
/// The export workload (the performance model in BENCHMARKS.md): a synthetic data set of N items with V variants each is loaded into the
/// store and exported: first all items (one bulk mutation of creates and one of publishing from 100 products on, after
/// one read of the shop's publications), then the same items again unchanged (floor: zero calls), then 5% of them
/// changed in one field (floor: one bulk mutation of productUpdate lines of only those products), then a set of items
/// below the bulk threshold (floor: one productSet and one publishablePublish each, after the publications read).
/// </summary>
internal static class ExportWorkload
{
    public static async Task<IReadOnlyList<WorkloadResult>> RunAsync(int items, int variantsPerItem, EmulatorLimits limits)
    {
        await using var shop = await BenchShop.StartAsync(limits);
        var data = Path.Combine(shop.Folder.FullName, "data");
        ErpDataGenerator.Write(data, new ErpDataSize(items + ProductExportJob.BulkThreshold - 1, variantsPerItem, 1, 0, 1));
        new ErpDataImporter(shop.Store.Erp).Import(data, false, new Progress<RunEvent>(), CancellationToken.None);
        shop.Profile.Items = new ItemSettings { SkuMapping = SkuMapping.ItemNoVariantCode, InventoryTracked = true, CanUpdateShopifyProducts = true };

        var bulk = new ItemSelection { Numbers = Enumerable.Range(1, items).Select(i => $"I{i:D7}").ToList() };
        var single = new ItemSelection { Numbers = Enumerable.Range(items + 1, ProductExportJob.BulkThreshold - 1).Select(i => $"I{i:D7}").ToList() };
        return
        [
            await ExportAsync(shop, $"export {items:N0} items × {variantsPerItem} variants (bulk)", job => job.AddItemsAsync(bulk, CancellationToken.None),
                log => new FloorCheck("publications read + 2 bulk mutations (create, publish): 5 calls besides polls", 5, log.Calls - log.Polls, "calls besides polls")),
            await ExportAsync(shop, $"re-sync of the {items:N0}, nothing changed", job => job.SyncLinkedAsync([], false, CancellationToken.None),
                log => new FloorCheck("0 calls", 0, log.Calls, "calls")),
            await ChangedAsync(shop, bulk.Numbers, items / 20),
            await ExportAsync(shop, $"export {single.Numbers.Count} items (below the bulk threshold)", job => job.AddItemsAsync(single, CancellationToken.None),
                log => new FloorCheck($"publications read + productSet and publishablePublish per product: {2 * single.Numbers.Count + 1} calls",
                    2 * single.Numbers.Count + 1, log.Calls, "calls")),
        ];
    }

    /// <summary>Every 20th linked item gets a new description: only its product's title goes out, in one bulk mutation
    /// per batch of updates from the bulk threshold on (one productUpdate per product below it), and nothing for the other 95%.</summary>
    private static Task<WorkloadResult> ChangedAsync(BenchShop shop, IReadOnlyList<string> numbers, int count)
    {
        var changed = numbers.Where((_, i) => i % 20 == 0).Take(count).ToList();
        foreach (var item in shop.Store.Erp.RowsIn(ErpTables.Items, "No", changed))
        {
            item.Description += " (new)";
            shop.Store.Erp.Upsert(ErpTables.Items, item);
        }
        // Updates go a batch at a time; a batch from the bulk threshold on is one bulk mutation, a smaller last one single calls.
        var (full, rest) = (changed.Count / ProductExportJob.UpdateBatch, changed.Count % ProductExportJob.UpdateBatch);
        var (bulk, single) = rest >= ProductExportJob.BulkThreshold ? (full + 1, 0) : (full, rest);
        var calls = 2 * bulk + single;
        var floor = bulk > 0
            ? new Func<RequestLog, FloorCheck>(log => new FloorCheck(
                (bulk == 1 ? "1 bulk mutation of the changed products" : $"{bulk} bulk mutations of the changed products ({ProductExportJob.UpdateBatch:N0} a batch)") +
                (single > 0 ? $" and {single} productUpdate calls" : "") + $": {calls} calls besides polls", calls, log.Calls - log.Polls, "calls besides polls"))
            : log => new FloorCheck($"1 productUpdate per changed product: {changed.Count} calls", changed.Count, log.Calls, "calls");
        return ExportAsync(shop, $"{numbers.Count:N0} linked products, {changed.Count:N0} (5%) changed in one field",
            job => job.SyncLinkedAsync([], false, CancellationToken.None), floor);
    }

    private static Task<WorkloadResult> ExportAsync(BenchShop shop, string workload,
        Func<ProductExportJob, IAsyncEnumerable<SyncResult>> run, Func<RequestLog, FloorCheck> floor) =>
        shop.MeasureAsync(workload, () => BenchShop.RunJobAsync(run(new ProductExportJob(shop.NewContext()))),
            (log, _) => floor(log));
}
