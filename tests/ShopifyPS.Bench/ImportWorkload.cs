using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Bench;

/// <summary>
/// Issue 6's done-when: Sync-ShopifyProduct from Shopify on a large shop. The first import reads every product
/// through one bulk query (the floor: one bulkOperationRunQuery and its polls, outside the point budget), maps half
/// of the products to ERP items by SKU and creates the other half from the template; the second import, with
/// nothing changed, has one empty read as its floor.
/// </summary>
internal static class ImportWorkload
{
    public static async Task<IReadOnlyList<WorkloadResult>> RunAsync(int products, int variantsPerProduct, EmulatorLimits limits)
    {
        await using var shop = await BenchShop.StartAsync(limits);
        var perSeed = Math.Max(1, 10_000 / variantsPerProduct);
        for (var start = 1; start <= products; start += perSeed)
            await shop.SeedAsync(new { products = Enumerable.Range(start, Math.Min(perSeed, products - start + 1)).Select(i => Product(i, variantsPerProduct)) });
        await Task.Delay(TimeSpan.FromSeconds(3)); // keep the seeding out of the next import's overlap window
        SeedErp(shop, products / 2, variantsPerProduct);
        // One variant a product: its SKU is the item no.; more: item no. and variant code, as Business Central's Item No. + Variant Code.
        shop.Profile.Items = new ItemSettings
        {
            SyncItem = SyncItemMode.FromShopify, SkuMapping = variantsPerProduct == 1 ? SkuMapping.ItemNo : SkuMapping.ItemNoVariantCode,
            AutoCreateUnknownItems = true, ItemTemplateCode = "WEB",
        };
        var shape = variantsPerProduct == 1 ? "" : $" × {variantsPerProduct} variants";

        return
        [
            await ImportAsync(shop, $"import of a {products:N0}-product shop{shape} ({products / 2:N0} mapped, {products - products / 2:N0} created)",
                "1 bulk query: 1 call besides polls"),
            await ImportAsync(shop, "import again, nothing changed", "1 empty read"),
        ];
    }

    private static object Product(int i, int variantsPerProduct) => variantsPerProduct == 1
        ? new
        {
            title = $"Bench product {i}", vendor = "Acme", productType = "Gear",
            options = Array.Empty<object>(),
            variants = new object[] { new { sku = $"B{i:000000}", price = "25.00", cost = "11.00", barcode = $"20{i:00000000000}" } },
        }
        : new
        {
            title = $"Bench product {i}", vendor = "Acme", productType = "Gear",
            options = new object[] { new { name = "Variant", values = Enumerable.Range(1, variantsPerProduct).Select(v => $"V{v}").ToArray() } },
            variants = Enumerable.Range(1, variantsPerProduct).Select(v => (object)new
            {
                options = new[] { $"V{v}" }, sku = $"B{i:000000}|V{v}", price = "25.00", cost = "11.00", barcode = $"2{v}{i:0000000000}",
            }).ToArray(),
        };

    private static Task<WorkloadResult> ImportAsync(BenchShop shop, string workload, string floor) =>
        shop.MeasureAsync(workload, MeasuredJob.Import, log => new FloorCheck(floor, 1, log.Calls - log.Polls, "calls besides polls"));

    /// <summary>Items B000001.. (with their variants V1.., when products have several) for the first half of the products,
    /// the template and its number series for the rest.</summary>
    private static void SeedErp(BenchShop shop, int items, int variantsPerProduct)
    {
        using var transaction = shop.Store.BeginTransaction();
        var erp = shop.Store.Erp;
        erp.Upsert(ErpTables.ItemTemplates, new ItemTemplate { Code = "WEB", BaseUnitOfMeasure = "PCS", VatProdPostingGroup = "HIGH", NoSeries = "WEB" });
        erp.Upsert(ErpTables.NoSeries, new NoSeries { Code = "WEB", StartingNo = "W000001" });
        erp.Upsert(ErpTables.Vendors, new Vendor { No = "V1", Name = "Acme" });
        erp.Upsert(ErpTables.ItemCategories, new ItemCategory { Code = "GEAR", Description = "Gear" });
        for (var i = 1; i <= items; i++)
        {
            erp.Upsert(ErpTables.Items, new Item { No = $"B{i:000000}", Description = $"Item {i}", UnitPrice = 20 });
            if (variantsPerProduct == 1) continue;
            for (var v = 1; v <= variantsPerProduct; v++) erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = $"B{i:000000}", Code = $"V{v}" });
        }
        transaction.Commit();
    }
}
