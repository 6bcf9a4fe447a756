using System.Diagnostics;
using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Emulator;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Bench;

/// <summary>
/// Issue 7's benchmark (DESIGN.md §8 point 1): an inventory sync of N variants × 3 locations, a share of the levels
/// changed in the ERP, against an emulator at Shopify's Standard rate (bucket 2000, 100 points/s). Writes are judged
/// against the floor ceil(changed / 250); a rerun with nothing changed must write nothing.
/// </summary>
internal static class InventoryWorkload
{
    private static readonly string[] LocationNames = ["Main warehouse", "East store", "West store"];
    private static readonly string[] ErpLocations = ["MAIN", "EAST", "WEST"];
    /// <summary>Shopify takes at most 250 quantities per call, which sets the floor for writes.</summary>
    private const int MaxInputArray = 250;

    public static async Task<int> RunAsync(int variants, double changedShare, int bucket, double restoreRate)
    {
        const int variantsPerProduct = 3;
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { BucketSize = bucket, RestoreRate = restoreRate });
        using var control = new HttpClient { BaseAddress = emulator.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        var state = JObject.Parse(await control.GetStringAsync("emulator/state"));
        var locationIds = LocationNames.Select(n => state["locations"]!.First(l => l.Value<string>("name") == n).Value<string>("id")!).ToArray();

        var folder = Directory.CreateTempSubdirectory("shopifyps-bench-inventory");
        using var store = SqliteStore.Open(Path.Combine(folder.FullName, "bench.db"), StoreAccess.Write, StoreOptions.Default);
        var profile = new ShopProfile
        {
            Name = "bench", Domain = "bench.myshopify.com", Endpoint = emulator.BaseUri.ToString().TrimEnd('/'),
            Auth = new AuthSettings { TokenEnv = "SHOPIFYPS_BENCH_TOKEN" },
            Locations = LocationNames.Select((name, i) => new ShopLocation
            {
                Id = locationIds[i], Name = name, LocationFilter = ErpLocations[i], StockCalculation = StockCalculation.FreeInventory,
            }).ToList(),
        };
        Environment.SetEnvironmentVariable("SHOPIFYPS_BENCH_TOKEN", emulator.Token);

        // Shopify has quantity q at every level; the ERP has q too, except for every level picked as changed.
        var watch = Stopwatch.StartNew();
        var random = new Random(7);
        var changed = 0;
        using (var transaction = store.BeginTransaction())
        {
            for (var p = 0; p < variants / variantsPerProduct; p++)
            {
                var itemNo = $"I{p:000000}";
                store.Erp.Upsert(ErpTables.Items, new Item { No = itemNo, Description = itemNo, Type = ItemType.Inventory });
                for (var v = 0; v < variantsPerProduct; v++)
                {
                    store.Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = itemNo, Code = $"V{v}" });
                    for (var l = 0; l < ErpLocations.Length; l++)
                    {
                        var difference = random.NextDouble() < changedShare ? 1 + random.Next(5) : 0;
                        if (difference > 0) changed++;
                        store.Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = itemNo, VariantCode = $"V{v}", LocationCode = ErpLocations[l], Inventory = Quantity(p, v, l) + difference });
                    }
                }
            }
            transaction.Commit();
        }
        await SeedAndLinkAsync(control, store, profile.Name, variants / variantsPerProduct, variantsPerProduct);
        Console.WriteLine($"Set up {variants:N0} variants × {LocationNames.Length} locations ({changed:N0} changed levels) in {watch.Elapsed.TotalSeconds:0.0} s");

        await control.DeleteAsync("emulator/requests");
        var first = await SyncAsync(profile, store, "first run", changed);
        await control.DeleteAsync("emulator/requests");
        var rerun = await SyncAsync(profile, store, "rerun, nothing changed", 0);
        folder.Delete(recursive: true);
        return first && rerun ? 0 : 1;

        async Task<bool> SyncAsync(ShopProfile shop, SqliteStore db, string label, int expectedChanges)
        {
            var client = new ShopifyClient(shop, new ShopifyHome(folder.FullName));
            var context = new SyncContext(shop, client, db, new Progress<RunEvent>(), false, DateOnly.FromDateTime(DateTime.Today));
            var counts = new Dictionary<SyncAction, int>();
            var run = Stopwatch.StartNew();
            await foreach (var result in InventorySync.RunAsync(context, new InventorySyncOptions()))
                counts[result.Action] = counts.GetValueOrDefault(result.Action) + 1;
            run.Stop();
            var log = JArray.Parse(await control.GetStringAsync("emulator/requests")).OfType<JObject>().ToList();
            var writes = log.Count(r => r.Value<string>("operationName") is "InventorySetQuantities" or "InventoryActivate");
            var reads = log.Count - writes;
            var floor = (expectedChanges + MaxInputArray - 1) / MaxInputArray;
            Console.WriteLine($"workload=inventory run=\"{label}\" variants={variants} locations={LocationNames.Length} levels={variants * LocationNames.Length} " +
                $"updated={counts.GetValueOrDefault(SyncAction.Updated)} unchanged={counts.GetValueOrDefault(SyncAction.Unchanged)} failed={counts.GetValueOrDefault(SyncAction.Failed)} " +
                $"writes={writes} writeFloor={floor} reads={reads} cost={client.Statistics.ActualCost} throttled={log.Count(r => r.Value<bool>("throttled"))} " +
                $"retries={client.Statistics.Retries} seconds={run.Elapsed.TotalSeconds:0.0}");
            return writes == floor && counts.GetValueOrDefault(SyncAction.Updated) == expectedChanges && counts.GetValueOrDefault(SyncAction.Failed) == 0;
        }
    }

    private static int Quantity(int product, int variant, int location) => (product * 7 + variant * 3 + location) % 50;

    /// <summary>Products with SKUs item/variant, stocked at the three locations as the ERP has them before the change,
    /// and the connector's links to the items, as the export leaves them.</summary>
    private static async Task SeedAndLinkAsync(HttpClient control, SqliteStore store, string shop, int products, int variantsPerProduct)
    {
        const int perSeed = 1000;
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
            var response = await control.PostAsJsonAsync("emulator/seed", seed);
            response.EnsureSuccessStatusCode();
            var seeded = JObject.Parse(await response.Content.ReadAsStringAsync());
            using var transaction = store.BeginTransaction();
            foreach (var product in seeded["products"]!)
            {
                var productId = product.Value<string>("id")!;
                var itemNo = product["variants"]![0]!.Value<string>("sku")!.Split('/')[0];
                store.Connector.SaveProduct(new ShopProduct { Shop = shop, Id = productId, Title = itemNo, ItemNo = itemNo });
                foreach (var variant in product["variants"]!)
                {
                    var sku = variant.Value<string>("sku")!;
                    store.Connector.SaveVariant(new ShopVariant
                    {
                        Shop = shop, Id = variant.Value<string>("id")!, ProductId = productId, Sku = sku, ItemNo = itemNo,
                        VariantCode = sku.Split('/')[1], InventoryItemId = variant.Value<string>("inventoryItemId")!, Tracked = true,
                    });
                }
            }
            transaction.Commit();
        }
    }
}
