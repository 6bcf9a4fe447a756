using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Bench;

/// <summary>
/// Issue 7's benchmark (the performance model in BENCHMARKS.md): an inventory sync of N variants (V to a product) × 3 locations, a
/// share of the levels changed in the ERP. Writes are judged
/// against the floor ceil(changed / 250); a rerun with nothing changed must write nothing.
/// </summary>
internal static class InventoryWorkload
{
    private static readonly string[] LocationNames = ["Main warehouse", "East store", "West store"];
    private static readonly string[] ErpLocations = ["MAIN", "EAST", "WEST"];
    /// <summary>Shopify takes at most 250 quantities per call, which sets the floor for writes.</summary>
    private const int MaxInputArray = 250;

    public static async Task<IReadOnlyList<WorkloadResult>> RunAsync(int variants, int variantsPerProduct, double changedShare, EmulatorLimits limits)
    {
        await using var shop = await BenchShop.StartAsync(limits);
        var state = JObject.Parse(await shop.Control.GetStringAsync("emulator/state"));
        shop.Profile.Locations = LocationNames.Select((name, i) => new ShopLocation
        {
            Id = state["locations"]!.First(l => l.Value<string>("name") == name).Value<string>("id")!, Name = name,
            LocationFilter = ErpLocations[i], StockCalculation = StockCalculation.FreeInventory,
        }).ToList();

        // Shopify has quantity q at every level; the ERP has q too, except for every level picked as changed.
        var random = new Random(7);
        var changed = 0;
        using (var transaction = shop.Store.BeginTransaction())
        {
            for (var p = 0; p < variants / variantsPerProduct; p++)
            {
                var itemNo = $"I{p:000000}";
                // Every third item also comes in a BOX of 6, every ninth is sold by it: its stock is kept in pieces.
                var piecesPerUnit = p % 9 == 0 ? 6 : 1;
                shop.Store.Erp.Upsert(ErpTables.Items, new Item
                {
                    No = itemNo, Description = itemNo, Type = ItemType.Inventory, BaseUnitOfMeasure = "PCS", SalesUnitOfMeasure = piecesPerUnit > 1 ? "BOX" : "",
                });
                if (p % 3 == 0) shop.Store.Erp.Upsert(ErpTables.ItemUnitsOfMeasure, new ItemUnitOfMeasure { ItemNo = itemNo, Code = "BOX", QtyPerUnitOfMeasure = 6 });
                for (var v = 0; v < variantsPerProduct; v++)
                {
                    shop.Store.Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = itemNo, Code = $"V{v}" });
                    for (var l = 0; l < ErpLocations.Length; l++)
                    {
                        var difference = random.NextDouble() < changedShare ? 1 + random.Next(5) : 0;
                        if (difference > 0) changed++;
                        shop.Store.Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = itemNo, VariantCode = $"V{v}", LocationCode = ErpLocations[l], Inventory = (Quantity(p, v, l) + difference) * piecesPerUnit });
                    }
                }
            }
            transaction.Commit();
        }
        await SeedAndLinkAsync(shop, variants / variantsPerProduct, variantsPerProduct);

        return
        [
            await SyncAsync(shop, $"inventory {variants:N0} variants × {LocationNames.Length} locations, {changedShare * 100:0.#}% changed", changed),
            await SyncAsync(shop, "inventory again, nothing changed", 0),
        ];
    }

    private static Task<WorkloadResult> SyncAsync(BenchShop shop, string workload, int changedLevels) =>
        shop.MeasureAsync(workload, MeasuredJob.Inventory, log => WriteFloor(changedLevels, log.Count("InventorySetQuantities", "InventoryActivate")));

    private static FloorCheck WriteFloor(int changedLevels, int writes)
    {
        var floor = (changedLevels + MaxInputArray - 1) / MaxInputArray;
        return new FloorCheck($"ceil({changedLevels:N0} changed / {MaxInputArray}) = {floor:N0} writes", floor, writes, "writes");
    }

    private static int Quantity(int product, int variant, int location) => (product * 7 + variant * 3 + location) % 50;

    /// <summary>Products with SKUs item/variant, stocked at the three locations as the ERP has them before the change,
    /// and the connector's links to the items, as the export leaves them.</summary>
    private static async Task SeedAndLinkAsync(BenchShop shop, int products, int variantsPerProduct)
    {
        // About 10,000 variants a seed call, whatever the product's size.
        var perSeed = Math.Max(1, 10_000 / variantsPerProduct);
        for (var start = 0; start < products; start += perSeed)
        {
            var seed = new
            {
                products = Enumerable.Range(start, Math.Min(perSeed, products - start)).Select(p => new
                {
                    title = $"I{p:000000}",
                    options = new[] { new { name = "Variant", values = Enumerable.Range(0, variantsPerProduct).Select(v => $"V{v}").ToArray() } },
                    variants = Enumerable.Range(0, variantsPerProduct).Select(v => new
                    {
                        options = new[] { $"V{v}" },
                        sku = $"I{p:000000}/V{v}",
                        tracked = true,
                        inventory = LocationNames.Select((name, l) => (name, l)).ToDictionary(x => x.name, x => Quantity(p, v, x.l)),
                    }).ToArray(),
                }).ToArray(),
            };
            var seeded = await shop.SeedAsync(seed);
            using var transaction = shop.Store.BeginTransaction();
            foreach (var product in seeded["products"]!)
            {
                var productId = product.Value<string>("id")!;
                var itemNo = product["variants"]![0]!.Value<string>("sku")!.Split('/')[0];
                shop.Store.Connector.SaveProduct(new ShopProduct { Shop = shop.Profile.Name, Id = productId, Title = itemNo, ItemNo = itemNo });
                foreach (var variant in product["variants"]!)
                {
                    var sku = variant.Value<string>("sku")!;
                    shop.Store.Connector.SaveVariant(new ShopVariant
                    {
                        Shop = shop.Profile.Name, Id = variant.Value<string>("id")!, ProductId = productId, Sku = sku, ItemNo = itemNo,
                        VariantCode = sku.Split('/')[1], InventoryItemId = variant.Value<string>("inventoryItemId")!, Tracked = true,
                    });
                }
            }
            transaction.Commit();
        }
    }
}
