namespace ShopifyPS.Emulator.State;

/// <summary>
/// Quantities of one item at one location. on_hand is derived: available plus every unavailable
/// state (committed, reserved, damaged, quality_control, safety_stock), as Shopify defines it.
/// </summary>
internal sealed partial class InventoryLevel
{
    public static readonly string[] UnavailableNames = { "committed", "reserved", "damaged", "quality_control", "safety_stock" };
    public static readonly string[] StoredNames = { "available", "committed", "reserved", "damaged", "quality_control", "safety_stock", "incoming" };

    public long Id { get; init; }
    public required InventoryItem Item { get; init; }
    public required Location Location { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    private readonly Dictionary<string, int> _quantities = new();

    public int Get(string name) => name switch
    {
        "on_hand" => Get("available") + UnavailableNames.Sum(Get),
        "unavailable" => UnavailableNames.Sum(Get),
        _ => _quantities.TryGetValue(name, out var q) ? q : 0,
    };

    public void Set(string name, int value) => _quantities[name] = value;

    public string Gid => $"gid://shopify/InventoryLevel/{Id}?inventory_item_id={Item.Id}";
}
