using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.Tests;

/// <summary>Inventory levels and the 2026-04 rules of inventorySetQuantities / inventoryActivate.</summary>
public class InventoryTests
{
    private const string Set = @"mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange item { id } location { id } } }
    userErrors { field message code }
  }
}";

    private sealed record Fixture(TestEmulator Emu, string ItemId, string Main, string East, string West);

    /// <summary>One variant stocked at Main (available 10) and East (available 4), not at West.</summary>
    private static async Task<Fixture> SeededAsync()
    {
        var emu = await TestEmulator.StartAsync();
        var seeded = await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new
        {
            products = new[] { new { title = "Stocked", variants = new[] { new { sku = "INV-1", inventory = new Dictionary<string, int> { ["Main warehouse"] = 10, ["East store"] = 4 } } } } },
        });
        var itemId = seeded["products"]![0]!["variants"]![0]!["inventoryItemId"]!.GetValue<string>();
        var locs = (await emu.DataAsync("{ locations(first: 5) { nodes { id name } } }"))["locations"]!["nodes"]!.AsArray();
        string Id(string name) => locs.First(l => l!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        return new Fixture(emu, itemId, Id("Main warehouse"), Id("East store"), Id("West store"));
    }

    private static object Input(string name, params (string Item, string Location, int Quantity, int? ChangeFrom)[] q) => new
    {
        name,
        reason = "correction",
        referenceDocumentUri = "gid://shopifyps/SyncJob/1",
        quantities = q.Select(x => new { inventoryItemId = x.Item, locationId = x.Location, quantity = x.Quantity, changeFromQuantity = x.ChangeFrom }).ToArray(),
    };

    private static async Task<int> QuantityAsync(Fixture f, string location, string name = "available")
    {
        var data = await f.Emu.DataAsync("query($id: ID!, $loc: ID!, $names: [String!]!) { inventoryItem(id: $id) { inventoryLevel(locationId: $loc) { quantities(names: $names) { name quantity } } } }",
            new { id = f.ItemId, loc = location, names = new[] { name } });
        return data["inventoryItem"]!["inventoryLevel"]!["quantities"]![0]!["quantity"]!.GetValue<int>();
    }

    [Fact]
    public async Task Set_with_null_change_from_applies_and_reports_changes()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        var payload = (await f.Emu.DataAsync(Set, new { key = "k1", input = Input("available", (f.ItemId, f.Main, 12, null)) }))["inventorySetQuantities"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        var group = payload["inventoryAdjustmentGroup"]!;
        Assert.Equal("correction", group["reason"]!.GetValue<string>());
        Assert.Equal("gid://shopifyps/SyncJob/1", group["referenceDocumentUri"]!.GetValue<string>());
        var available = group["changes"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "available")!;
        Assert.Equal(2, available["delta"]!.GetValue<int>());
        Assert.Equal(12, available["quantityAfterChange"]!.GetValue<int>());
        Assert.Equal(f.Main, available["location"]!["id"]!.GetValue<string>());
        Assert.Equal(12, await QuantityAsync(f, f.Main));
    }

    [Fact]
    public async Task Missing_idempotent_directive_is_an_error_and_nothing_changes()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        const string noKey = "mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }";
        var (status, body) = await f.Emu.PostAsync(noKey, new { input = Input("available", (f.ItemId, f.Main, 1, null)) });
        Assert.Equal(200, status);
        Assert.Equal("MISSING_IDEMPOTENCY_KEY", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("inventorySetQuantities", body["errors"]![0]!["path"]![0]!.GetValue<string>());
        Assert.Null(body["data"]!["inventorySetQuantities"]);
        Assert.Equal(10, await QuantityAsync(f, f.Main));

        var (_, blank) = await f.Emu.PostAsync(Set, new { key = "  ", input = Input("available", (f.ItemId, f.Main, 1, null)) });
        Assert.Equal("INVALID_IDEMPOTENCY_KEY", blank["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_change_from_quantity_is_compare_quantity_required()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        var input = new { name = "available", reason = "correction", quantities = new[] { new { inventoryItemId = f.ItemId, locationId = f.Main, quantity = 3 } } };
        var payload = (await f.Emu.DataAsync(Set, new { key = "k", input }))["inventorySetQuantities"]!;
        Assert.Null(payload["inventoryAdjustmentGroup"]);
        var error = payload["userErrors"]![0]!;
        Assert.Equal("COMPARE_QUANTITY_REQUIRED", error["code"]!.GetValue<string>());
        Assert.Equal(new JsonArray("input", "quantities", "0", "changeFromQuantity").ToJsonString(), error["field"]!.ToJsonString());
        Assert.Equal(10, await QuantityAsync(f, f.Main));
    }

    [Fact]
    public async Task Stale_change_from_quantity_fails_the_whole_batch()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        var payload = (await f.Emu.DataAsync(Set, new { key = "k", input = Input("available", (f.ItemId, f.Main, 20, 10), (f.ItemId, f.East, 9, 3)) }))["inventorySetQuantities"]!;
        var error = payload["userErrors"]!.AsArray().Single()!;
        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", error["code"]!.GetValue<string>());
        Assert.Equal("1", error["field"]![2]!.GetValue<string>());
        Assert.Equal(10, await QuantityAsync(f, f.Main));
        Assert.Equal(4, await QuantityAsync(f, f.East));

        var ok = (await f.Emu.DataAsync(Set, new { key = "k2", input = Input("available", (f.ItemId, f.Main, 20, 10), (f.ItemId, f.East, 9, 4)) }))["inventorySetQuantities"]!;
        Assert.Empty(ok["userErrors"]!.AsArray());
        Assert.Equal(9, await QuantityAsync(f, f.East));
    }

    [Fact]
    public async Task Same_key_replays_the_first_result_without_applying_twice()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        var variables = new { key = "batch-1", input = Input("available", (f.ItemId, f.Main, 15, 10)) };
        var first = (await f.Emu.DataAsync(Set, variables))["inventorySetQuantities"]!;
        await f.Emu.DataAsync(Set, new { key = "other", input = Input("available", (f.ItemId, f.Main, 3, null)) });
        var replay = (await f.Emu.DataAsync(Set, variables))["inventorySetQuantities"]!;
        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
        Assert.Equal(3, await QuantityAsync(f, f.Main));

        var mismatch = (await f.Emu.DataAsync(Set, new { key = "batch-1", input = Input("available", (f.ItemId, f.Main, 99, null)) }))["inventorySetQuantities"]!;
        Assert.Equal("IDEMPOTENCY_KEY_PARAMETER_MISMATCH", mismatch["userErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(3, await QuantityAsync(f, f.Main));
    }

    [Fact]
    public async Task On_hand_includes_committed_set_through_the_control_endpoint()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        await f.Emu.ControlAsync(HttpMethod.Post, "emulator/inventory", new { levels = new[] { new { inventoryItemId = f.ItemId, locationId = f.Main, committed = 2 } } });
        Assert.Equal(12, await QuantityAsync(f, f.Main, "on_hand"));
        Assert.Equal(2, await QuantityAsync(f, f.Main, "committed"));

        var payload = (await f.Emu.DataAsync(Set, new { key = "oh", input = Input("on_hand", (f.ItemId, f.Main, 20, 12)) }))["inventorySetQuantities"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal(18, await QuantityAsync(f, f.Main, "available"));
        Assert.Equal(20, await QuantityAsync(f, f.Main, "on_hand"));
    }

    [Fact]
    public async Task Unstocked_location_needs_inventory_activate_first()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        var refused = (await f.Emu.DataAsync(Set, new { key = "w1", input = Input("available", (f.ItemId, f.West, 5, null)) }))["inventorySetQuantities"]!;
        Assert.Equal("ITEM_NOT_STOCKED_AT_LOCATION", refused["userErrors"]![0]!["code"]!.GetValue<string>());

        const string activate = "mutation($item: ID!, $loc: ID!, $key: String!) { inventoryActivate(inventoryItemId: $item, locationId: $loc) @idempotent(key: $key) { inventoryLevel { id location { name } quantities(names: [\"available\"]) { quantity } } userErrors { message } } }";
        var level = (await f.Emu.DataAsync(activate, new { item = f.ItemId, loc = f.West, key = "a1" }))["inventoryActivate"]!["inventoryLevel"]!;
        Assert.Equal("West store", level["location"]!["name"]!.GetValue<string>());
        Assert.Equal(0, level["quantities"]![0]!["quantity"]!.GetValue<int>());

        var ok = (await f.Emu.DataAsync(Set, new { key = "w2", input = Input("available", (f.ItemId, f.West, 5, 0)) }))["inventorySetQuantities"]!;
        Assert.Empty(ok["userErrors"]!.AsArray());
        // Activating an already stocked level keeps its quantity (2026-04).
        await f.Emu.DataAsync(activate, new { item = f.ItemId, loc = f.West, key = "a2" });
        Assert.Equal(5, await QuantityAsync(f, f.West));

        var (_, noKey) = await f.Emu.PostAsync("mutation($item: ID!, $loc: ID!) { inventoryActivate(inventoryItemId: $item, locationId: $loc) { userErrors { message } } }", new { item = f.ItemId, loc = f.West });
        Assert.Equal("MISSING_IDEMPOTENCY_KEY", noKey["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_item_location_name_and_reason_are_user_errors()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        var input = new
        {
            name = "committed",
            reason = "because",
            quantities = new object[]
            {
                new { inventoryItemId = "gid://shopify/InventoryItem/1", locationId = f.Main, quantity = 1, changeFromQuantity = (int?)null },
                new { inventoryItemId = f.ItemId, locationId = "gid://shopify/Location/1", quantity = 1, changeFromQuantity = (int?)null },
            },
        };
        var codes = (await f.Emu.DataAsync(Set, new { key = "bad", input }))["inventorySetQuantities"]!["userErrors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { "INVALID_NAME", "INVALID_REASON", "INVALID_INVENTORY_ITEM", "INVALID_LOCATION" }, codes);
    }

    [Fact]
    public async Task Adjust_applies_deltas_with_the_same_rules()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        const string adjust = "mutation($input: InventoryAdjustQuantitiesInput!, $key: String!) { inventoryAdjustQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { changes { name delta quantityAfterChange } } userErrors { field code } } }";
        object Input(string name, int delta, int? from, string? ledger = null) => new
        {
            name, reason = "correction",
            changes = new[] { new { inventoryItemId = f.ItemId, locationId = f.Main, delta, changeFromQuantity = from, ledgerDocumentUri = ledger } },
        };
        var ok = (await f.Emu.DataAsync(adjust, new { key = "a1", input = Input("available", 3, 10) }))["inventoryAdjustQuantities"]!;
        var changes = ok["inventoryAdjustmentGroup"]!["changes"]!.AsArray();
        Assert.Equal("available", changes[0]!["name"]!.GetValue<string>());
        Assert.Equal(13, changes[0]!["quantityAfterChange"]!.GetValue<int>());
        Assert.Equal("on_hand", changes[1]!["name"]!.GetValue<string>());

        var stale = (await f.Emu.DataAsync(adjust, new { key = "a2", input = Input("available", 1, 10) }))["inventoryAdjustQuantities"]!;
        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", stale["userErrors"]![0]!["code"]!.GetValue<string>());
        var noLedger = (await f.Emu.DataAsync(adjust, new { key = "a3", input = Input("damaged", 2, null) }))["inventoryAdjustQuantities"]!;
        Assert.Equal("INVALID_LEDGER_DOCUMENT", noLedger["userErrors"]![0]!["code"]!.GetValue<string>());

        await f.Emu.DataAsync(adjust, new { key = "a4", input = Input("damaged", 2, null, "https://erp.example/doc/1") });
        Assert.Equal(13, await QuantityAsync(f, f.Main, "available"));
        Assert.Equal(15, await QuantityAsync(f, f.Main, "on_hand"));
    }

    [Fact]
    public async Task Levels_are_listed_from_items_and_locations()
    {
        var f = await SeededAsync();
        await using var _ = f.Emu;
        var data = await f.Emu.DataAsync("query($loc: ID!, $item: ID!) { location(id: $loc) { hasActiveInventory inventoryLevels(first: 10) { nodes { id item { sku } quantities(names: [\"available\"]) { quantity } } } } inventoryItem(id: $item) { inventoryLevels(first: 10) { nodes { location { name } } } } }",
            new { loc = f.East, item = f.ItemId });
        var level = data["location"]!["inventoryLevels"]!["nodes"]![0]!;
        Assert.True(data["location"]!["hasActiveInventory"]!.GetValue<bool>());
        Assert.Equal("INV-1", level["item"]!["sku"]!.GetValue<string>());
        Assert.Equal(4, level["quantities"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal(2, data["inventoryItem"]!["inventoryLevels"]!["nodes"]!.AsArray().Count);

        var byId = await f.Emu.DataAsync("query($id: ID!) { inventoryLevel(id: $id) { location { name } } }", new { id = level["id"]!.GetValue<string>() });
        Assert.Equal("East store", byId["inventoryLevel"]!["location"]!["name"]!.GetValue<string>());
    }
}
