using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Inventory;
using ShopifyPS.Tests.Integration;

namespace ShopifyPS.Tests.Inventory;

/// <summary>
/// An emulator shop with products whose SKUs are item numbers (or item/variant), an item store with their stock, and
/// the connector's links between the two, as the export would leave them.
/// </summary>
internal sealed class InventoryScenario : IAsyncDisposable
{
    private InventoryScenario(EmulatorShop shop, SqliteStore store, Dictionary<string, string> locations)
    {
        Shop = shop;
        Store = store;
        Locations = locations;
        Profile = shop.Profile();
    }

    public EmulatorShop Shop { get; }
    public SqliteStore Store { get; }
    /// <summary>Shopify location gid by name (the emulator's three: Main warehouse, East store, West store).</summary>
    public Dictionary<string, string> Locations { get; }
    public ShopProfile Profile { get; }
    public List<string> Warnings { get; } = new();
    /// <summary>Called inline with every event the run reports, so a test can change Shopify at a known point of the run.</summary>
    public Action<RunEvent>? OnEvent { get; set; }

    public static async Task<InventoryScenario> StartAsync()
    {
        var shop = await EmulatorShop.StartAsync(bucket: 2000, restoreRate: 2000);
        var state = await shop.StateAsync();
        var locations = state["locations"]!.ToDictionary(l => l.Value<string>("name")!, l => l.Value<string>("id")!);
        var store = SqliteStore.OpenInMemory();
        foreach (var (code, _) in new[] { ("MAIN", 0), ("EAST", 0), ("WEST", 0) })
            store.Erp.Upsert(ErpTables.Locations, new Location { Code = code, Name = code });
        return new InventoryScenario(shop, store, locations);
    }

    public ShopLocation Location(string name, StockCalculation calculation, string filter)
    {
        var location = new ShopLocation { Id = Locations[name], Name = name, StockCalculation = calculation, LocationFilter = filter };
        Profile.Locations.Add(location);
        return location;
    }

    public void Item(string no, ItemType type = ItemType.Inventory, params string[] variants)
    {
        Store.Erp.Upsert(ErpTables.Items, new Item { No = no, Description = no, Type = type });
        foreach (var code in variants) Store.Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = no, Code = code });
    }

    public void Stock(string itemNo, string variantCode, string location, decimal inventory, decimal reserved = 0, decimal receipts = 0, decimal requirements = 0) =>
        Store.Erp.Upsert(ErpTables.Stock, new StockEntry
        {
            ItemNo = itemNo, VariantCode = variantCode, LocationCode = location, Inventory = inventory,
            ReservedQuantity = reserved, ScheduledReceipts = receipts, GrossRequirements = requirements,
        });

    /// <summary>Seeds one product per item with one variant per code (none: a single variant), stocked at the given
    /// locations, and links them in the mirror. Returns the variant gids by SKU.</summary>
    public async Task<Dictionary<string, string>> ProductAsync(string itemNo, string[] variantCodes, Dictionary<string, int> inventory, bool tracked = true)
    {
        var codes = variantCodes.Length == 0 ? new[] { "" } : variantCodes;
        var seed = new
        {
            products = new[]
            {
                variantCodes.Length == 0
                    ? (object)new { title = itemNo, variants = new[] { new { sku = itemNo, tracked, inventory } } }
                    : new
                    {
                        title = itemNo,
                        options = new[] { new { name = "Variant", values = variantCodes } },
                        variants = variantCodes.Select(c => new { options = new[] { c }, sku = $"{itemNo}/{c}", tracked, inventory }).ToArray(),
                    },
            },
        };
        var seeded = (await Shop.SeedAsync(seed))["products"]![0]!;
        var productId = seeded.Value<string>("id")!;
        Store.Connector.SaveProduct(new ShopProduct { Shop = Profile.Name, Id = productId, Title = itemNo, ItemNo = itemNo });
        var ids = new Dictionary<string, string>();
        var variants = seeded["variants"]!.ToList();
        for (var i = 0; i < variants.Count; i++)
        {
            Store.Connector.SaveVariant(new ShopVariant
            {
                Shop = Profile.Name, Id = variants[i].Value<string>("id")!, ProductId = productId, Sku = variants[i].Value<string>("sku")!,
                ItemNo = itemNo, VariantCode = codes[i], MappedByItem = codes[i].Length == 0,
                InventoryItemId = variants[i].Value<string>("inventoryItemId")!, Tracked = tracked,
            });
            ids[variants[i].Value<string>("sku")!] = variants[i].Value<string>("id")!;
        }
        return ids;
    }

    public async Task<List<SyncResult>> SyncAsync(InventorySyncOptions? options = null, bool whatIf = false)
    {
        var progress = new SyncProgress(Warnings, e => OnEvent?.Invoke(e));
        var context = new ShopSession(Profile, Shop.Client(profile: Profile), Store, progress, whatIf, DateOnly.FromDateTime(DateTime.Today), new ShopifyHome(Path.GetTempPath()));
        var results = new List<SyncResult>();
        await foreach (var result in InventorySync.RunAsync(context, options ?? new InventorySyncOptions())) results.Add(result);
        return results;
    }

    /// <summary>The named quantity of a SKU at a location in the emulator.</summary>
    public async Task<int?> ShopifyQuantityAsync(string sku, string location, string name = "available")
    {
        var state = await Shop.StateAsync();
        var level = state["products"]!.SelectMany(p => p["variants"]!).Single(v => v.Value<string>("sku") == sku)["inventoryItem"]!["levels"]!
            .FirstOrDefault(l => l.Value<string>("locationId") == Locations[location]);
        return level?.Value<int>(name == "on_hand" ? "onHand" : name);
    }

    public async Task<List<JObject>> SetQuantityCallsAsync() => await CallsAsync("InventorySetQuantities");

    public async Task<List<JObject>> CallsAsync(string operationName) =>
        (await Shop.RequestsAsync()).OfType<JObject>().Where(r => r.Value<string>("operationName") == operationName).ToList();

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await Shop.DisposeAsync();
    }

    private sealed class SyncProgress(List<string> warnings, Action<RunEvent> onEvent) : IProgress<RunEvent>
    {
        public void Report(RunEvent value)
        {
            onEvent(value);
            if (value.Kind == RunEventKind.Warning) lock (warnings) warnings.Add(value.Message);
        }
    }
}
