using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Tests.Inventory;

/// <summary>Stocking variants at locations that do not stock them yet: single inventoryActivate calls below
/// <see cref="InventorySync.BulkActivateThreshold"/> levels, one bulk mutation from there on.</summary>
public sealed class ActivationTests
{
    private const string West = "West store";

    [Fact]
    public async Task From_the_threshold_on_the_levels_are_stocked_with_one_bulk_mutation()
    {
        await using var s = await WestScenarioAsync();
        var count = InventorySync.BulkActivateThreshold;
        await UnstockedAtWestAsync(s, "BULK", count);

        var results = await s.SyncAsync();

        Assert.Single(await s.CallsAsync("BulkOperationRunMutation"));
        Assert.Empty(await s.CallsAsync("InventoryActivate"));
        Assert.Equal(count, results.Count(r => r.Action == SyncAction.Created));
        Assert.Contains(results, r => r.VariantCode == "V007" && r.Message == "West store: available (not stocked) → 7");
        Assert.Equal(7, await s.ShopifyQuantityAsync("BULK/V007", West));
        Assert.Equal(count, await s.ShopifyQuantityAsync($"BULK/V{count:000}", West));
        Assert.Equal(1, await s.ShopifyQuantityAsync("BULK/V001", "Main warehouse"));
        Assert.Equal(count, s.Store.Connector.Inventory(s.Profile.Name).Count(r => r.LocationId == s.Locations[West] && r.ShopifyStock == r.CalculatedStock));

        await s.Shop.ClearRequestsAsync();
        var rerun = await s.SyncAsync();

        Assert.All(rerun, r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.Empty(await s.CallsAsync("BulkOperationRunMutation"));
    }

    [Fact]
    public async Task The_levels_every_batch_of_a_run_has_to_stock_are_stocked_with_one_bulk_mutation_per_run()
    {
        await using var s = await WestScenarioAsync();
        // Four batches of 20 variants, each below the threshold on its own: 80 levels to stock in all.
        var count = 80;
        await UnstockedAtWestAsync(s, "RUN", count);

        var results = await s.SyncAsync(new InventorySyncOptions { BatchSize = 20 });

        Assert.Single(await s.CallsAsync("BulkOperationRunMutation"));
        Assert.Empty(await s.CallsAsync("InventoryActivate"));
        // The stocked levels are then set like any others: ceil(80 / 250) = 1 write.
        Assert.Single(await s.SetQuantityCallsAsync());
        Assert.Equal(count, results.Count(r => r.Action == SyncAction.Created));
        Assert.Equal(count, await s.ShopifyQuantityAsync($"RUN/V{count:000}", West));
        Assert.Equal(count, s.Store.Connector.Inventory(s.Profile.Name).Count(r => r.LocationId == s.Locations[West] && r.ShopifyStock == r.CalculatedStock));
    }

    [Fact]
    public async Task Below_the_threshold_each_level_is_stocked_with_its_own_call()
    {
        await using var s = await WestScenarioAsync();
        var count = InventorySync.BulkActivateThreshold - 1;
        await UnstockedAtWestAsync(s, "FEW", count);

        var results = await s.SyncAsync();

        Assert.Equal(count, (await s.CallsAsync("InventoryActivate")).Count);
        Assert.Empty(await s.CallsAsync("BulkOperationRunMutation"));
        Assert.Equal(count, results.Count(r => r.Action == SyncAction.Created));
        Assert.Equal(12, await s.ShopifyQuantityAsync("FEW/V012", West));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(InventorySync.BulkActivateThreshold)]
    public async Task A_level_Shopify_refuses_fails_alone_and_the_others_are_stocked(int others)
    {
        await using var s = await WestScenarioAsync();
        await UnstockedAtWestAsync(s, "MANY", others);
        s.Item("GONE");
        s.Stock("GONE", "", "WEST", 4);
        var gone = (await s.ProductAsync("GONE", [], new() { ["Main warehouse"] = 1 }))["GONE"];
        var productId = s.Store.Connector.VariantsOfItem(s.Profile.Name, "GONE").Single().ProductId;
        // Deleted in Shopify after the run read the levels and before it stocks them: its inventory item is gone.
        s.OnEvent = e =>
        {
            if (e.Kind == RunEventKind.Verbose && e.Message.StartsWith("Read ", StringComparison.Ordinal))
                Task.Run(() => s.Shop.Client().ExecuteAsync("ProductDelete", new { id = productId })).GetAwaiter().GetResult();
        };

        var results = await s.SyncAsync();

        var failed = Assert.Single(results, r => r.Action == SyncAction.Failed);
        Assert.Equal(gone, failed.VariantId);
        Assert.StartsWith("West store: Shopify did not stock the variant there: ", failed.Message);
        Assert.Contains("Inventory item does not exist", failed.Message);
        Assert.Equal(others, results.Count(r => r.Action == SyncAction.Created));
        Assert.Equal(2, await s.ShopifyQuantityAsync("MANY/V002", West));
        Assert.DoesNotContain(s.Store.Connector.Inventory(s.Profile.Name), r => r.VariantId == gone);
        var bulk = others + 1 >= InventorySync.BulkActivateThreshold;
        Assert.Equal(bulk ? 1 : 0, (await s.CallsAsync("BulkOperationRunMutation")).Count);
        Assert.Equal(bulk ? 0 : others + 1, (await s.CallsAsync("InventoryActivate")).Count);
    }

    [Fact]
    public async Task The_bulk_path_stages_nothing_when_outgoing_requests_are_off()
    {
        await using var s = await WestScenarioAsync();
        await UnstockedAtWestAsync(s, "OFF", InventorySync.BulkActivateThreshold);
        s.Profile.AllowOutgoingRequests = false;

        await Assert.ThrowsAsync<ShopifyOutgoingRequestsDisabledException>(() => s.SyncAsync());

        Assert.Empty(await s.CallsAsync("StagedUploadsCreate"));
        Assert.Null(await s.ShopifyQuantityAsync("OFF/V001", West));
    }

    [Fact]
    public async Task WhatIf_above_the_threshold_plans_the_stocking_and_sends_no_mutation()
    {
        await using var s = await WestScenarioAsync();
        await UnstockedAtWestAsync(s, "PLAN", InventorySync.BulkActivateThreshold);

        var results = await s.SyncAsync(whatIf: true);

        Assert.All(results, r => Assert.True(r.Planned));
        Assert.Contains(results, r => r.VariantCode == "V003" && r.Action == SyncAction.Created && r.Message == "West store: available (not stocked) → 3");
        Assert.DoesNotContain(await s.Shop.RequestsAsync(), r => r.Value<string>("document")!.TrimStart().StartsWith("mutation", StringComparison.Ordinal));
        Assert.Null(await s.ShopifyQuantityAsync("PLAN/V001", West));
    }

    private static async Task<InventoryScenario> WestScenarioAsync()
    {
        var s = await InventoryScenario.StartAsync();
        // All of Shopify's locations are in the profile (as Update-ShopifyLocation leaves it), so a read sees every level.
        s.Location("Main warehouse", StockCalculation.Disabled, "");
        s.Location("East store", StockCalculation.Disabled, "");
        s.Location(West, StockCalculation.FreeInventory, "WEST");
        return s;
    }

    /// <summary>An item with <paramref name="variants"/> variants V001…, each stocked in Shopify at Main warehouse only, with
    /// its number as ERP stock at WEST.</summary>
    private static async Task UnstockedAtWestAsync(InventoryScenario s, string itemNo, int variants)
    {
        var codes = Enumerable.Range(1, variants).Select(i => $"V{i:000}").ToArray();
        s.Item(itemNo, ItemType.Inventory, codes);
        for (var i = 0; i < codes.Length; i++) s.Stock(itemNo, codes[i], "WEST", i + 1);
        await s.ProductAsync(itemNo, codes, new() { ["Main warehouse"] = 1 });
    }
}
