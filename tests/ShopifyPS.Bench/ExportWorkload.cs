using ShopifyPS.Erp;
using ShopifyPS.Erp.Import;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Bench;

/// <summary>
/// The export workload (the performance model in BENCHMARKS.md): a synthetic data set of N items with V variants each is
/// loaded into the store and exported with a second language (nb ↔ NOR, the title of each item: the generated items have
/// no NOR translation, so it is their description) and a product metafield (GrossWeight) on. First all items (one bulk
/// mutation of creates, one of publishing and one of translationsRegister from 100 products on, after one read of the
/// shop's publications and the digests of the new products), then the same items again unchanged (floor: the digest
/// read, no mutation), then 5% of them changed in one field (the title and its translation: one bulk mutation each, plus
/// the digest reads before and after), then a set of items below the bulk threshold (productSet, publishablePublish and
/// translationsRegister each, after the publications and digest reads). Digests are read 250 products a call, or with
/// one bulk query from <see cref="TranslationDigests.BulkReadThreshold"/> products on (polls left out of the floor).
/// A bulk mutation whose variables pass Shopify's 100 MB per staged file needs one more file, and so one more
/// stagedUploadsCreate and bulkOperationRunMutation, per 100 MB: the create's floor counts the files.
/// </summary>
internal static class ExportWorkload
{
    public static async Task<IReadOnlyList<WorkloadResult>> RunAsync(int items, int variantsPerItem, EmulatorLimits limits)
    {
        await using var shop = await BenchShop.StartAsync(limits);
        await shop.SeedAsync(new { locales = new object[] { new { locale = "nb", published = true } } });
        var data = Path.Combine(shop.Folder.FullName, "data");
        ErpDataGenerator.Write(data, new ErpDataSize(items + ProductExportJob.BulkThreshold - 1, variantsPerItem, 1, 0, 1));
        new ErpDataImporter(shop.Store.Erp).Import(data, false, new Progress<RunEvent>(), CancellationToken.None);
        shop.Profile.Items = new ItemSettings
        {
            SkuMapping = SkuMapping.ItemNoVariantCode, InventoryTracked = true, CanUpdateShopifyProducts = true,
            Metafields = [new MetafieldMapping { Namespace = "custom", Key = "weight_kg", Type = "number_decimal", Field = "GrossWeight" }],
        };
        shop.Profile.Languages = [new LanguageMapping { Locale = "nb", LanguageCode = "NOR" }];

        var numbers = Enumerable.Range(1, items).Select(i => $"I{i:D7}").ToList();
        var singles = ProductExportJob.BulkThreshold - 1;
        var reads = TranslationDigests.Reads(items);
        var singleReads = TranslationDigests.Reads(singles);
        return
        [
            await shop.MeasureAsync($"export {items:N0} items × {variantsPerItem} variants (bulk, 2nd language)", MeasuredJob.AddItems(1, items),
                log => CreateFloor(log, reads)),
            await shop.MeasureAsync($"re-sync of the {items:N0}, nothing changed", MeasuredJob.SyncLinked,
                log => new FloorCheck($"{reads} digest read(s), no mutation: {reads} calls besides polls", reads, log.Calls - log.Polls, "calls besides polls")),
            await ChangedAsync(shop, numbers, items / 20),
            await shop.MeasureAsync($"export {singles} items (below the bulk threshold)", MeasuredJob.AddItems(items + 1, singles),
                log => new FloorCheck($"publications read + {singleReads} digest read(s) + productSet, publishablePublish and translationsRegister per product: " +
                    $"{3 * singles + 1 + singleReads} calls", 3 * singles + 1 + singleReads, log.Calls, "calls")),
        ];
    }

    /// <summary>The bulk create: the publications read, the digest reads, and stagedUploadsCreate and
    /// bulkOperationRunMutation for every file the three bulk mutations' variables need (one each up to 100 MB).</summary>
    private static FloorCheck CreateFloor(RequestLog log, int reads)
    {
        var (files, bytes) = log.BulkMutationFiles(3);
        var calls = 1 + reads + 2 * files;
        return new FloorCheck($"publications read + {reads} digest read(s) + 3 bulk mutations (create, publish, translations) in {files} file(s) " +
            $"of ≤ 100 MB ({bytes / 1048576.0:N1} MB): {calls} calls besides polls", calls, log.Calls - log.Polls, "calls besides polls");
    }

    /// <summary>Every 20th linked item gets a new description: its product's title and the title's translation go out
    /// (the translation against the digest of the title just sent, read after it), a batch of updates at a time: one bulk
    /// mutation each per batch from the bulk threshold on (one call per product below it), and nothing for the other 95%.</summary>
    private static Task<WorkloadResult> ChangedAsync(BenchShop shop, IReadOnlyList<string> numbers, int count)
    {
        var changed = numbers.Where((_, i) => i % 20 == 0).Take(count).ToList();
        foreach (var item in shop.Store.Erp.RowsIn(ErpTables.Items, "No", changed))
        {
            item.Description += " (new)";
            shop.Store.Erp.Upsert(ErpTables.Items, item);
        }
        // Per batch of updates: the digests of the changed titles read after productUpdate, then productUpdate and
        // translationsRegister, each one bulk mutation (2 calls besides polls) from the bulk threshold on, else a call per product.
        var batches = changed.Chunk(ProductExportJob.UpdateBatch).Select(b => b.Length).ToList();
        var reads = TranslationDigests.Reads(numbers.Count) + batches.Sum(TranslationDigests.Reads);
        var calls = reads + batches.Sum(n => n >= ProductExportJob.BulkThreshold ? 4 : 2 * n);
        var shape = batches.Count == 1 && batches[0] < ProductExportJob.BulkThreshold
            ? "productUpdate and translationsRegister per changed product"
            : $"per batch of up to {ProductExportJob.UpdateBatch:N0} changed products, 2 bulk mutations (productUpdate, translations)";
        var floor = new Func<RequestLog, FloorCheck>(log => new FloorCheck($"{reads} digest read(s) + {shape}: {calls} calls besides polls",
            calls, log.Calls - log.Polls, "calls besides polls"));
        return shop.MeasureAsync($"{numbers.Count:N0} linked products, {changed.Count:N0} (5%) changed in one field", MeasuredJob.SyncLinked, floor);
    }
}
