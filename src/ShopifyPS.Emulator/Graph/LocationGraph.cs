using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class Location : IGraphObject
{
    public string? GraphType => "Location";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "legacyResourceId" => Fmt.Legacy(Id),
        "name" => Name,
        "isActive" => IsActive,
        "activatable" => !IsActive,
        "deactivatable" => IsActive,
        "deletable" => !IsActive,
        "isPrimary" => ctx.Store.Locations.Values.FirstOrDefault() == this,
        "fulfillsOnlineOrders" => FulfillsOnlineOrders,
        "shipsInventory" => ShipsInventory,
        "hasActiveInventory" => Levels.Count > 0,
        "hasUnfulfilledOrders" => false,
        "isFulfillmentService" => FulfillmentService != null,
        "addressVerified" => true,
        "fulfillmentService" => FulfillmentService == null ? null : new GraphMap("FulfillmentService",
            ("id", State.Gid.Of("FulfillmentService", Id)), ("serviceName", FulfillmentService), ("handle", ShopStore.Slug(FulfillmentService)),
            ("inventoryManagement", true), ("trackingSupport", false), ("requiresShippingMethod", true), ("callbackUrl", null),
            ("type", "THIRD_PARTY"), ("location", this)),
        "address" => new GraphMap("LocationAddress",
            ("address1", Address1), ("address2", null), ("city", City), ("zip", Zip),
            ("countryCode", CountryCode), ("country", CountryCode == "US" ? "United States" : CountryCode),
            ("province", null), ("provinceCode", null), ("phone", null),
            ("formatted", new[] { Address1, City, CountryCode }.Where(s => s != null).ToList())),
        "inventoryLevel" => State.Gid.TryParse(args.Str("inventoryItemId"), "InventoryItem", out var iid) && Levels.TryGetValue(iid, out var level) ? level : null,
        "inventoryLevels" => Paging.Connection(Levels.Values, args, ctx, l => Paging.ById(l.Item.Id)),
        "createdAt" => CreatedAt,
        "updatedAt" => UpdatedAt,
        _ => null,
    };
}
