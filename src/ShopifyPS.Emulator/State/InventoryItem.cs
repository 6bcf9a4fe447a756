namespace ShopifyPS.Emulator.State;

internal sealed partial class InventoryItem
{
    public long Id { get; init; }
    public Variant? Variant { get; set; }
    public string? Sku { get; set; }
    public bool Tracked { get; set; } = true;
    public decimal? Cost { get; set; }
    public double? WeightValue { get; set; }
    public string WeightUnit { get; set; } = "KILOGRAMS";
    public bool RequiresShipping { get; set; } = true;
    public string? CountryCodeOfOrigin { get; set; }
    public string? HarmonizedSystemCode { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Levels by location id: an item is "stocked" at a location when it has a level there. A sorted list, not a
    /// tree: an item is stocked at a few locations, and a shop has a million items.</summary>
    public SortedList<long, InventoryLevel> Levels { get; } = new();

    public string Gid => State.Gid.Of("InventoryItem", Id);
}
