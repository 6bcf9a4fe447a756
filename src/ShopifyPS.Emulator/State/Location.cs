namespace ShopifyPS.Emulator.State;

internal sealed partial class Location
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public bool FulfillsOnlineOrders { get; set; } = true;
    public bool ShipsInventory { get; set; } = true;
    /// <summary>The service name when the location belongs to a fulfillment service (a third-party warehouse).</summary>
    public string? FulfillmentService { get; set; }
    public string? Address1 { get; set; }
    public string? City { get; set; }
    public string? Zip { get; set; }
    public string CountryCode { get; set; } = "US";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Inventory levels stocked here, by inventory item id (for hasActiveInventory and Location.inventoryLevels).
    /// A sorted list (two arrays) rather than a tree of a million nodes: new items have the highest ids, so stocking
    /// them appends.</summary>
    public SortedList<long, InventoryLevel> Levels { get; } = new();

    public string Gid => State.Gid.Of("Location", Id);
}
