using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Tests.Inventory;

/// <summary>Sync-ShopifyInventory's engine (V1, V3–V6) against the in-process emulator.</summary>
public sealed class InventorySyncTests
{
    private static readonly Dictionary<string, int> NoStock = new();

    [Fact]
    public async Task Stock_of_the_filter_locations_reaches_each_Shopify_location_and_a_rerun_writes_nothing()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.ProjectedAvailableBalance, "MAIN");
        s.Location("East store", StockCalculation.FreeInventory, "EAST|WEST");
        s.Location("West store", StockCalculation.Disabled, "WEST");
        s.Item("1001", ItemType.Inventory, "S", "M");
        s.Stock("1001", "S", "MAIN", 25, receipts: 10, requirements: 3);
        s.Stock("1001", "S", "EAST", 4, reserved: 1);
        s.Stock("1001", "S", "WEST", 6);
        s.Stock("1001", "M", "MAIN", 7);
        s.Stock("1001", "M", "WEST", 2, reserved: 2);
        await s.ProductAsync("1001", ["S", "M"], new() { ["Main warehouse"] = 1, ["East store"] = 0, ["West store"] = 50 });

        var results = await s.SyncAsync();

        Assert.Equal(32, await s.ShopifyQuantityAsync("1001/S", "Main warehouse"));
        Assert.Equal(9, await s.ShopifyQuantityAsync("1001/S", "East store"));
        Assert.Equal(7, await s.ShopifyQuantityAsync("1001/M", "Main warehouse"));
        Assert.Equal(0, await s.ShopifyQuantityAsync("1001/M", "East store"));
        Assert.Equal(50, await s.ShopifyQuantityAsync("1001/S", "West store"));
        Assert.Equal(3, results.Count(r => r.Action == SyncAction.Updated));
        Assert.Equal(1, results.Count(r => r.Action == SyncAction.Unchanged));
        Assert.Contains(results, r => r.Message == "East store: available 0 → 9" && r.VariantCode == "S");
        Assert.Single(await s.SetQuantityCallsAsync());

        var row = s.Store.Connector.InventoryOfVariant(s.Profile.Name, results[0].VariantId).First(r => r.LocationId == s.Locations["Main warehouse"]);
        Assert.NotNull(row.ShopifyStockAt);
        Assert.NotNull(row.CalculatedAt);
        Assert.Equal(row.ShopifyStock, row.CalculatedStock);

        await s.Shop.ClearRequestsAsync();
        var rerun = await s.SyncAsync();

        Assert.All(rerun, r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.Equal(4, rerun.Count);
        Assert.Empty(await s.SetQuantityCallsAsync());
    }

    [Fact]
    public async Task A_rerun_leaves_the_mirror_rows_whose_figures_held_and_rewrites_those_that_changed()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Item("1001", ItemType.Inventory, "S");
        foreach (var (location, filter, quantity) in new[] { ("Main warehouse", "MAIN", 5), ("East store", "EAST", 3) })
        {
            s.Location(location, StockCalculation.FreeInventory, filter);
            s.Stock("1001", "S", filter, quantity);
        }
        await s.ProductAsync("1001", ["S"], new() { ["Main warehouse"] = 5, ["East store"] = 3 });
        var variantId = (await s.SyncAsync())[0].VariantId;
        var before = s.Store.Connector.InventoryOfVariant(s.Profile.Name, variantId).ToDictionary(r => r.LocationId);

        s.Stock("1001", "S", "EAST", 4);
        var rerun = await s.SyncAsync();

        Assert.Equal([SyncAction.Updated, SyncAction.Unchanged], rerun.OrderBy(r => r.Action).Select(r => r.Action));
        var after = s.Store.Connector.InventoryOfVariant(s.Profile.Name, variantId).ToDictionary(r => r.LocationId);
        var main = after[s.Locations["Main warehouse"]];
        var east = after[s.Locations["East store"]];
        Assert.Equal((5L, 5L), (main.ShopifyStock, main.CalculatedStock));
        // The times say since when the figures hold: the first sync's for the level that did not change.
        Assert.Equal(before[main.LocationId].ShopifyStockAt, main.ShopifyStockAt);
        Assert.Equal(before[main.LocationId].CalculatedAt, main.CalculatedAt);
        Assert.Equal((4L, 4L), (east.ShopifyStock, east.CalculatedStock));
        Assert.True(east.ShopifyStockAt > before[east.LocationId].ShopifyStockAt);
        Assert.True(east.CalculatedAt > before[east.LocationId].CalculatedAt);
    }

    [Fact]
    public async Task A_location_that_does_not_stock_the_variant_is_activated_first()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("West store", StockCalculation.FreeInventory, "WEST");
        s.Item("2000");
        s.Stock("2000", "", "WEST", 12);
        await s.ProductAsync("2000", [], new() { ["Main warehouse"] = 3 });

        var results = await s.SyncAsync();

        var result = Assert.Single(results);
        Assert.Equal(SyncAction.Created, result.Action);
        Assert.Equal("West store: available (not stocked) → 12", result.Message);
        Assert.Equal(12, await s.ShopifyQuantityAsync("2000", "West store"));
        Assert.Equal(3, await s.ShopifyQuantityAsync("2000", "Main warehouse"));
        Assert.Contains(await s.Shop.RequestsAsync(), r => r.Value<string>("operationName") == "InventoryActivate");
    }

    [Fact]
    public async Task Variants_without_tracking_and_items_without_stock_are_skipped_and_negative_stock_sends_zero()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.ProjectedAvailableBalance, "");
        s.Item("NEG");
        s.Stock("NEG", "", "MAIN", 2, requirements: 5);
        s.Item("SVC", ItemType.Service);
        s.Item("FREE");
        await s.ProductAsync("NEG", [], new() { ["Main warehouse"] = 4 });
        await s.ProductAsync("SVC", [], NoStock);
        await s.ProductAsync("FREE", [], NoStock, tracked: false);

        var results = await s.SyncAsync();

        Assert.Equal(0, await s.ShopifyQuantityAsync("NEG", "Main warehouse"));
        Assert.Contains(s.Warnings, w => w.Contains("NEG") && w.Contains("-3"));
        Assert.Equal(SyncAction.Skipped, results.Single(r => r.ItemNo == "SVC").Action);
        Assert.Contains("does not track", results.Single(r => r.ItemNo == "FREE").Message);
        Assert.Equal(SyncAction.Updated, results.Single(r => r.ItemNo == "NEG").Action);
    }

    [Fact]
    public async Task A_thousand_and_one_changed_levels_go_out_in_five_calls()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        var codes = Enumerable.Range(1, 1001).Select(i => $"V{i:0000}").ToArray();
        s.Item("BIG", ItemType.Inventory, codes);
        foreach (var code in codes) s.Stock("BIG", code, "MAIN", 5);
        await s.ProductAsync("BIG", codes, new() { ["Main warehouse"] = 1 });

        var results = await s.SyncAsync(new InventorySyncOptions { BulkReadThreshold = int.MaxValue });

        var calls = await s.SetQuantityCallsAsync();
        Assert.Equal(5, calls.Count);
        Assert.Equal([250, 250, 250, 250, 1], calls.Select(c => c["variables"]!["input"]!["quantities"]!.Count()));
        Assert.Equal(1001, results.Count(r => r.Action == SyncAction.Updated));
        Assert.Equal(5, await s.ShopifyQuantityAsync("BIG/V1001", "Main warehouse"));
    }

    [Fact]
    public async Task A_large_shop_is_read_with_a_bulk_query_and_gives_the_same_result()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        s.Location("East store", StockCalculation.FreeInventory, "EAST");
        s.Item("1001", ItemType.Inventory, "S", "M");
        s.Stock("1001", "S", "MAIN", 3);
        s.Stock("1001", "S", "EAST", 1);
        s.Stock("1001", "M", "MAIN", 3);
        s.Stock("1001", "M", "EAST", 8);
        await s.ProductAsync("1001", ["S", "M"], new() { ["Main warehouse"] = 3, ["East store"] = 1 });

        var results = await s.SyncAsync(new InventorySyncOptions { BulkReadThreshold = 1 });

        var operations = (await s.Shop.RequestsAsync()).Select(r => r.Value<string>("operationName")).ToList();
        Assert.Contains("BulkOperationRunQuery", operations);
        Assert.DoesNotContain("VariantInventoryLevels", operations);
        Assert.Equal(3, results.Count(r => r.Action == SyncAction.Unchanged));
        Assert.Equal("East store: available 1 → 8", results.Single(r => r.Action == SyncAction.Updated).Message);
        Assert.Equal(8, await s.ShopifyQuantityAsync("1001/M", "East store"));
    }

    [Fact]
    public async Task A_run_in_batches_reads_the_shop_once_writes_the_differences_of_every_batch_in_one_call_and_saves_every_level()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        s.Location("East store", StockCalculation.FreeInventory, "EAST");
        for (var i = 1; i <= 7; i++)
        {
            s.Item($"B{i}");
            s.Stock($"B{i}", "", "MAIN", i);
            s.Stock($"B{i}", "", "EAST", i % 2 == 0 ? 10 + i : i);
            await s.ProductAsync($"B{i}", [], new() { ["Main warehouse"] = i, ["East store"] = i });
        }

        // Three batches of at most 3 variants: the first is not the last, so Shopify is read once, in bulk.
        var results = await s.SyncAsync(new InventorySyncOptions { BatchSize = 3 });

        var operations = (await s.Shop.RequestsAsync()).Select(r => r.Value<string>("operationName")).ToList();
        Assert.Equal(1, operations.Count(o => o == "BulkOperationRunQuery"));
        Assert.DoesNotContain("VariantInventoryLevels", operations);
        var call = Assert.Single(await s.SetQuantityCallsAsync());
        Assert.Equal(3, call["variables"]!["input"]!["quantities"]!.Count());
        Assert.Equal(new[] { "B2", "B4", "B6" }, results.Where(r => r.Action == SyncAction.Updated).Select(r => r.ItemNo).Order());
        Assert.Equal(11, results.Count(r => r.Action == SyncAction.Unchanged));
        Assert.Equal(16, await s.ShopifyQuantityAsync("B6", "East store"));
        var rows = s.Store.Connector.Inventory(s.Profile.Name).ToList();
        Assert.Equal(14, rows.Count);
        Assert.All(rows, r => Assert.Equal(r.CalculatedStock, r.ShopifyStock));
    }

    [Fact]
    public async Task A_level_changed_in_Shopify_since_it_was_read_is_read_again_and_set_by_compare_and_set()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        s.Item("3000");
        s.Stock("3000", "", "MAIN", 10);
        await s.ProductAsync("3000", [], new() { ["Main warehouse"] = 2 });
        await s.SyncAsync();
        await s.Shop.InventoryAsync(new { levels = new[] { new { sku = "3000", location = "Main warehouse", available = 4 } } });
        s.Stock("3000", "", "MAIN", 15);
        await s.Shop.ClearRequestsAsync();

        var results = await s.SyncAsync(new InventorySyncOptions { SkipImport = true });

        Assert.Equal(15, await s.ShopifyQuantityAsync("3000", "Main warehouse"));
        var calls = await s.SetQuantityCallsAsync();
        Assert.Equal(2, calls.Count);
        Assert.Equal(10, calls[0]["variables"]!["input"]!["quantities"]![0]!.Value<int>("changeFromQuantity"));
        Assert.Equal(4, calls[1]["variables"]!["input"]!["quantities"]![0]!.Value<int>("changeFromQuantity"));
        Assert.NotEqual(calls[0]["variables"]!.Value<string>("idempotencyKey"), calls[1]["variables"]!.Value<string>("idempotencyKey"));
        Assert.Equal("Main warehouse: available 4 → 15", Assert.Single(results).Message);
    }

    [Fact]
    public async Task A_batch_whose_answer_was_lost_is_sent_again_with_the_same_key_and_applied_once()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        s.Item("4000");
        s.Stock("4000", "", "MAIN", 9);
        await s.ProductAsync("4000", [], new() { ["Main warehouse"] = 1 });
        await s.Shop.FaultsAsync(new { kind = "dropAfter", count = 1, match = "InventorySetQuantities" });

        var results = await s.SyncAsync();

        var calls = await s.SetQuantityCallsAsync();
        Assert.Equal(2, calls.Count);
        Assert.Equal(0, calls[0].Value<int>("status"));
        Assert.Equal(calls[0]["variables"]!.Value<string>("idempotencyKey"), calls[1]["variables"]!.Value<string>("idempotencyKey"));
        Assert.Equal(SyncAction.Updated, Assert.Single(results).Action);
        Assert.Equal(9, await s.ShopifyQuantityAsync("4000", "Main warehouse"));
        Assert.DoesNotContain(await s.Shop.RequestsAsync(), r => r.Value<string>("operationName") == "VariantInventoryLevels" && r.Value<DateTime>("time") > calls[0].Value<DateTime>("time"));
    }

    [Fact]
    public async Task WhatIf_plans_every_change_and_writes_nothing()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        s.Location("West store", StockCalculation.FreeInventory, "WEST");
        s.Item("5000");
        s.Stock("5000", "", "MAIN", 6);
        s.Stock("5000", "", "WEST", 2);
        await s.ProductAsync("5000", [], new() { ["Main warehouse"] = 1 });

        var results = await s.SyncAsync(whatIf: true);

        Assert.All(results, r => Assert.True(r.Planned));
        Assert.Contains(results, r => r.Action == SyncAction.Updated && r.Message == "Main warehouse: available 1 → 6");
        Assert.Contains(results, r => r.Action == SyncAction.Created && r.Message == "West store: available (not stocked) → 2");
        Assert.DoesNotContain(await s.Shop.RequestsAsync(), r => r.Value<string>("document")!.TrimStart().StartsWith("mutation", StringComparison.Ordinal));
        Assert.Empty(s.Store.Connector.Inventory(s.Profile.Name));
        Assert.Equal(1, await s.ShopifyQuantityAsync("5000", "Main warehouse"));
    }

    [Fact]
    public async Task OnHand_is_written_when_the_profile_says_so()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Profile.Items.InventoryQuantityName = InventoryQuantityName.OnHand;
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        s.Item("6000");
        s.Stock("6000", "", "MAIN", 10);
        await s.ProductAsync("6000", [], new() { ["Main warehouse"] = 4 });
        await s.Shop.InventoryAsync(new { levels = new[] { new { sku = "6000", location = "Main warehouse", committed = 3 } } });

        await s.SyncAsync();

        Assert.Equal(10, await s.ShopifyQuantityAsync("6000", "Main warehouse", "on_hand"));
        Assert.Equal(7, await s.ShopifyQuantityAsync("6000", "Main warehouse"));
        Assert.Equal("on_hand", (await s.SetQuantityCallsAsync())[0]["variables"]!["input"]!.Value<string>("name"));
    }

    [Fact]
    public async Task Only_the_variants_of_the_given_items_are_read_and_written()
    {
        await using var s = await InventoryScenario.StartAsync();
        s.Location("Main warehouse", StockCalculation.FreeInventory, "MAIN");
        s.Item("A");
        s.Item("B");
        s.Stock("A", "", "MAIN", 5);
        s.Stock("B", "", "MAIN", 5);
        await s.ProductAsync("A", [], new() { ["Main warehouse"] = 1 });
        await s.ProductAsync("B", [], new() { ["Main warehouse"] = 1 });

        var results = await s.SyncAsync(new InventorySyncOptions { ItemNos = ["B"] });

        Assert.Equal("B", Assert.Single(results).ItemNo);
        Assert.Equal(1, await s.ShopifyQuantityAsync("A", "Main warehouse"));
        Assert.Equal(5, await s.ShopifyQuantityAsync("B", "Main warehouse"));
    }

    [Fact]
    public void The_idempotency_key_depends_on_the_run_and_the_batch_content_only()
    {
        var variant = new ShopVariant { Id = "gid://shopify/ProductVariant/1", InventoryItemId = "gid://shopify/InventoryItem/1" };
        var location = new ShopLocation { Id = "gid://shopify/Location/1", Name = "Main" };
        LevelPlan Level(int quantity, int? from) => new(variant, location, new StockFigure(quantity, quantity, false)) { ShopifyStock = from };
        QuantityWriter Writer(string run) => new(null!, null!, "available", run);

        var key = Writer("run-1").IdempotencyKey([Level(5, 1)]);

        Assert.Equal(key, Writer("run-1").IdempotencyKey([Level(5, 1)]));
        Assert.NotEqual(key, Writer("run-1").IdempotencyKey([Level(5, 2)]));
        Assert.NotEqual(key, Writer("run-1").IdempotencyKey([Level(6, 1)]));
        Assert.NotEqual(key, Writer("run-2").IdempotencyKey([Level(5, 1)]));
        Assert.True(Guid.TryParse(key, out _));
    }
}
