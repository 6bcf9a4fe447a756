using ShopifyPS.Erp.Import;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Bench;

/// <summary>
/// The export workload (DESIGN.md §8): a synthetic data set of N items with V variants each is loaded into the
/// store and exported: first all items (one bulk mutation from 100 products on), then the same items again
/// unchanged (floor: zero calls), then a set of items below the bulk threshold (floor: one productSet each).
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
                log => new FloorCheck("1 bulk mutation: 2 calls besides polls", 2, log.Calls - log.Polls, "calls besides polls")),
            await ExportAsync(shop, $"re-sync of the {items:N0}, nothing changed", job => job.SyncLinkedAsync([], false, CancellationToken.None),
                log => new FloorCheck("0 calls", 0, log.Calls, "calls")),
            await ExportAsync(shop, $"export {single.Numbers.Count} items (below the bulk threshold)", job => job.AddItemsAsync(single, CancellationToken.None),
                log => new FloorCheck($"1 productSet per product: {single.Numbers.Count} calls", single.Numbers.Count, log.Calls, "calls")),
        ];
    }

    private static Task<WorkloadResult> ExportAsync(BenchShop shop, string workload,
        Func<ProductExportJob, IAsyncEnumerable<Sync.SyncResult>> run, Func<RequestLog, FloorCheck> floor) =>
        shop.MeasureAsync(workload, () => BenchShop.RunJobAsync(run(new ProductExportJob(shop.NewContext()))),
            (log, _) => floor(log));
}
