using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>inventoryItemUpdate, inventoryActivate, inventorySetQuantities and inventoryAdjustQuantities with the 2026-04 rules.</summary>
internal static class InventoryMutations
{
    public const int MaxQuantity = 1_000_000_000;

    /// <summary>Reasons Shopify accepts on inventory set/adjust mutations.</summary>
    public static readonly HashSet<string> Reasons = new(StringComparer.Ordinal)
    {
        "correction", "cycle_count_available", "damaged", "movement_created", "movement_updated", "movement_received",
        "movement_canceled", "other", "promotion", "quality_control", "received", "reservation_created",
        "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage",
    };

    public static object ItemUpdate(Args args, ExecContext ctx)
    {
        var item = Lookup.InventoryItem(ctx.Store, args.Str("id"));
        if (item == null)
            return new GraphMap("InventoryItemUpdatePayload", ("inventoryItem", null),
                ("userErrors", new List<UserError> { UserError.At("Inventory item does not exist", null, "id") }));
        if (ProductInputs.HarmonizedSystemCode(args.Obj("input")!, ["input"], null) is { } invalid)
            return new GraphMap("InventoryItemUpdatePayload", ("inventoryItem", null), ("userErrors", new List<UserError> { invalid }));
        ProductInputs.ApplyInventoryItem(ctx.Store, item, args.Obj("input")!);
        return new GraphMap("InventoryItemUpdatePayload", ("inventoryItem", item), ("userErrors", new List<UserError>()));
    }

    /// <summary>Stocks an item at a location. From 2026-04 an existing level keeps its quantities unless given.</summary>
    public static object Activate(Args args, ExecContext ctx) =>
        Idempotency.Run(ctx, "inventoryActivate", args, () => ActivateCore(args, ctx),
            e => new GraphMap("InventoryActivatePayload", ("inventoryLevel", null), ("userErrors", new List<UserError> { e })));

    private static object ActivateCore(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        var item = Lookup.InventoryItem(store, args.Str("inventoryItemId"));
        var location = Lookup.Location(store, args.Str("locationId"));
        var errors = new List<UserError>();
        if (item == null) errors.Add(UserError.At("Inventory item does not exist", null, "inventoryItemId"));
        if (location == null) errors.Add(UserError.At("Location does not exist", null, "locationId"));
        if (errors.Count > 0) return new GraphMap("InventoryActivatePayload", ("inventoryLevel", null), ("userErrors", errors));
        var level = store.Stock(item!, location!);
        if (args.Int("available") is { } available) SetNamed(store, level, "available", available);
        else if (args.Int("onHand") is { } onHand) SetNamed(store, level, "on_hand", onHand);
        store.Touch(item!);
        return new GraphMap("InventoryActivatePayload", ("inventoryLevel", level), ("userErrors", new List<UserError>()));
    }

    /// <summary>Sets "available" directly, or "on_hand" by moving available (the unavailable states stay).</summary>
    public static void SetNamed(ShopStore store, InventoryLevel level, string name, int quantity)
    {
        var available = name == "on_hand" ? quantity - level.Get("unavailable") : quantity;
        level.Set("available", available);
        level.UpdatedAt = store.Now();
        store.Touch(level.Item);
    }

    public static object SetQuantities(Args args, ExecContext ctx) =>
        Idempotency.Run(ctx, "inventorySetQuantities", args, () => SetQuantitiesCore(args, ctx),
            e => new GraphMap("InventorySetQuantitiesPayload", ("inventoryAdjustmentGroup", null), ("userErrors", new List<UserError> { e })));

    private static object SetQuantitiesCore(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        var input = args.Obj("input")!;
        var name = In.Str(In.Get(input, "name")) ?? "";
        var reason = In.Str(In.Get(input, "reason")) ?? "";
        var errors = new List<UserError>();
        if (name is not ("available" or "on_hand"))
            errors.Add(UserError.At("The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME", "input", "name"));
        if (!Reasons.Contains(reason))
            errors.Add(UserError.At("The specified reason is invalid.", "INVALID_REASON", "input", "reason"));
        if (In.Str(In.Get(input, "referenceDocumentUri")) is { } uri && !Uri.TryCreate(uri, UriKind.Absolute, out _))
            errors.Add(UserError.At("The reference document URI is invalid.", "INVALID_REFERENCE_DOCUMENT", "input", "referenceDocumentUri"));

        var targets = new List<(InventoryLevel Level, int Quantity)>();
        var seen = new HashSet<(long, long)>();
        var quantities = In.List(In.Get(input, "quantities"));
        for (var i = 0; i < quantities.Count; i++)
        {
            var q = In.Obj(quantities[i])!;
            var at = new[] { "input", "quantities", i.ToString() };
            var item = Lookup.InventoryItem(store, In.Str(In.Get(q, "inventoryItemId")));
            var location = Lookup.Location(store, In.Str(In.Get(q, "locationId")));
            var quantity = In.Int(In.Get(q, "quantity")) ?? 0;
            if (!In.Has(q, "changeFromQuantity"))
            {
                errors.Add(UserError.At("changeFromQuantity is required. Pass null to set the quantity without a compare check.", "COMPARE_QUANTITY_REQUIRED", [.. at, "changeFromQuantity"]));
                continue;
            }
            if (item == null) { errors.Add(UserError.At("The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM", [.. at, "inventoryItemId"])); continue; }
            if (location == null) { errors.Add(UserError.At("The specified location could not be found.", "INVALID_LOCATION", [.. at, "locationId"])); continue; }
            if (!seen.Add((item.Id, location.Id)))
            {
                errors.Add(UserError.At("The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR", at));
                continue;
            }
            if (!item.Levels.TryGetValue(location.Id, out var level))
            {
                errors.Add(UserError.At("The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION", [.. at, "locationId"]));
                continue;
            }
            if (quantity > MaxQuantity) { errors.Add(UserError.At($"The quantity can't be higher than {MaxQuantity:N0}.", "INVALID_QUANTITY_TOO_HIGH", [.. at, "quantity"])); continue; }
            if (quantity < -MaxQuantity) { errors.Add(UserError.At($"The quantity can't be lower than -{MaxQuantity:N0}.", "INVALID_QUANTITY_TOO_LOW", [.. at, "quantity"])); continue; }
            if (name == "on_hand" && quantity < 0) { errors.Add(UserError.At("The on_hand quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE", [.. at, "quantity"])); continue; }
            if (In.Int(In.Get(q, "changeFromQuantity")) is { } expected && level.Get(name) != expected)
            {
                errors.Add(UserError.At(
                    $"The quantity couldn't be updated because the changeFromQuantity ({expected}) doesn't match the current quantity ({level.Get(name)}).",
                    "CHANGE_FROM_QUANTITY_STALE", [.. at, "changeFromQuantity"]));
                continue;
            }
            targets.Add((level, quantity));
        }
        // Shopify applies a set atomically: one bad quantity and nothing changes.
        if (errors.Count > 0)
            return new GraphMap("InventorySetQuantitiesPayload", ("inventoryAdjustmentGroup", null), ("userErrors", errors));

        var changes = new List<GraphMap>();
        var other = name == "available" ? "on_hand" : "available";
        foreach (var (level, quantity) in targets)
        {
            var before = level.Get(name);
            var otherBefore = level.Get(other);
            SetNamed(store, level, name, quantity);
            if (quantity == before) continue;
            changes.Add(Change(level, name, quantity - before, level.Get(name)));
            changes.Add(Change(level, other, level.Get(other) - otherBefore, level.Get(other)));
        }
        var group = AdjustmentGroup(store, reason, In.Str(In.Get(input, "referenceDocumentUri")), changes);
        return new GraphMap("InventorySetQuantitiesPayload", ("inventoryAdjustmentGroup", group), ("userErrors", new List<UserError>()));
    }

    /// <summary>Quantity names inventoryAdjustQuantities may change ("committed" follows orders, "on_hand" has its own mutation).</summary>
    public static readonly HashSet<string> AdjustableNames = new(StringComparer.Ordinal)
    {
        "available", "damaged", "incoming", "quality_control", "reserved", "safety_stock",
    };

    public static object AdjustQuantities(Args args, ExecContext ctx) =>
        Idempotency.Run(ctx, "inventoryAdjustQuantities", args, () => AdjustQuantitiesCore(args, ctx),
            e => new GraphMap("InventoryAdjustQuantitiesPayload", ("inventoryAdjustmentGroup", null), ("userErrors", new List<UserError> { e })));

    private static object AdjustQuantitiesCore(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        var input = args.Obj("input")!;
        var name = In.Str(In.Get(input, "name")) ?? "";
        var reason = In.Str(In.Get(input, "reason")) ?? "";
        var errors = new List<UserError>();
        if (!AdjustableNames.Contains(name))
            errors.Add(UserError.At("The quantity name is not valid for adjustments.", "INVALID_QUANTITY_NAME", "input", "name"));
        if (!Reasons.Contains(reason))
            errors.Add(UserError.At("The specified reason is invalid.", "INVALID_REASON", "input", "reason"));

        var targets = new List<(InventoryLevel Level, int Delta)>();
        var changes = In.List(In.Get(input, "changes"));
        for (var i = 0; i < changes.Count; i++)
        {
            var c = In.Obj(changes[i])!;
            var at = new[] { "input", "changes", i.ToString() };
            var delta = In.Int(In.Get(c, "delta")) ?? 0;
            if (!In.Has(c, "changeFromQuantity"))
            {
                errors.Add(UserError.At("changeFromQuantity is required. Pass null to adjust without a compare check.", null, [.. at, "changeFromQuantity"]));
                continue;
            }
            var item = Lookup.InventoryItem(store, In.Str(In.Get(c, "inventoryItemId")));
            var location = Lookup.Location(store, In.Str(In.Get(c, "locationId")));
            if (item == null) { errors.Add(UserError.At("The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM", [.. at, "inventoryItemId"])); continue; }
            if (location == null) { errors.Add(UserError.At("The specified location could not be found.", "INVALID_LOCATION", [.. at, "locationId"])); continue; }
            if (!item.Levels.TryGetValue(location.Id, out var level))
            {
                errors.Add(UserError.At("The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION", [.. at, "locationId"]));
                continue;
            }
            if (name != "available" && string.IsNullOrEmpty(In.Str(In.Get(c, "ledgerDocumentUri"))))
            {
                errors.Add(UserError.At("A ledger document URI is required for quantity names other than available.", "INVALID_LEDGER_DOCUMENT", [.. at, "ledgerDocumentUri"]));
                continue;
            }
            if (In.Int(In.Get(c, "changeFromQuantity")) is { } expected && level.Get(name) != expected)
            {
                errors.Add(UserError.At(
                    $"The quantity couldn't be updated because the changeFromQuantity ({expected}) doesn't match the current quantity ({level.Get(name)}).",
                    "CHANGE_FROM_QUANTITY_STALE", [.. at, "changeFromQuantity"]));
                continue;
            }
            var after = (long)level.Get(name) + delta;
            if (after > MaxQuantity) { errors.Add(UserError.At($"The quantity can't be higher than {MaxQuantity:N0}.", "INVALID_QUANTITY_TOO_HIGH", [.. at, "delta"])); continue; }
            if (after < -MaxQuantity) { errors.Add(UserError.At($"The quantity can't be lower than -{MaxQuantity:N0}.", "INVALID_QUANTITY_TOO_LOW", [.. at, "delta"])); continue; }
            targets.Add((level, delta));
        }
        if (errors.Count > 0)
            return new GraphMap("InventoryAdjustQuantitiesPayload", ("inventoryAdjustmentGroup", null), ("userErrors", errors));

        var changed = new List<GraphMap>();
        foreach (var (level, delta) in targets)
        {
            var onHandBefore = level.Get("on_hand");
            level.Set(name, level.Get(name) + delta);
            level.UpdatedAt = store.Now();
            store.Touch(level.Item);
            if (delta == 0) continue;
            changed.Add(Change(level, name, delta, level.Get(name)));
            if (level.Get("on_hand") != onHandBefore) changed.Add(Change(level, "on_hand", level.Get("on_hand") - onHandBefore, level.Get("on_hand")));
        }
        var group = AdjustmentGroup(store, reason, In.Str(In.Get(input, "referenceDocumentUri")), changed);
        return new GraphMap("InventoryAdjustQuantitiesPayload", ("inventoryAdjustmentGroup", group), ("userErrors", new List<UserError>()));
    }

    private static GraphMap Change(InventoryLevel level, string name, int delta, int after) => new("InventoryChange",
        ("name", name), ("delta", delta), ("quantityAfterChange", after),
        ("item", level.Item), ("location", level.Location), ("ledgerDocumentUri", null));

    /// <summary>A snapshot of the adjustment (values fixed at apply time, so an idempotent replay shows the same numbers).</summary>
    private static GraphLambda AdjustmentGroup(ShopStore store, string reason, string? referenceDocumentUri, List<GraphMap> changes)
    {
        var id = State.Gid.Of("InventoryAdjustmentGroup", store.NextId());
        var createdAt = store.Now();
        return new GraphLambda("InventoryAdjustmentGroup", (field, args, ctx) => field switch
        {
            "id" => id,
            "createdAt" => createdAt,
            "reason" => reason,
            "referenceDocumentUri" => referenceDocumentUri,
            "app" => new GraphMap("App", ("id", State.Gid.Of("App", 1)), ("title", "ShopifyPS"), ("handle", "shopifyps")),
            "staffMember" => null,
            "changes" => changes.Where(c => Keep(args, "quantityNames", c["name"] as string)
                && Keep(args, "inventoryItemIds", (c["item"] as InventoryItem)?.Gid)
                && Keep(args, "locationIds", (c["location"] as Location)?.Gid)).ToList(),
            _ => null,
        });
    }

    private static bool Keep(Args args, string filter, string? value) =>
        !args.Has(filter) || args.List(filter).Any(x => In.Str(x) == value);
}
