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

    /// <summary>By <see cref="StoredNames"/>' order: a shop of 3,000,000 levels holds one small array each, not a dictionary.</summary>
    private readonly int[] _quantities = new int[StoredNames.Length];

    public int Get(string name) => name switch
    {
        "on_hand" => Get("available") + UnavailableNames.Sum(Get),
        "unavailable" => UnavailableNames.Sum(Get),
        _ => Array.IndexOf(StoredNames, name) is >= 0 and var i ? _quantities[i] : 0,
    };

    /// <summary>Sets a stored quantity; the mutations check the name first, so any other is a bug.</summary>
    public void Set(string name, int value) =>
        _quantities[Array.IndexOf(StoredNames, name) is >= 0 and var i ? i : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a stored quantity.")] = value;

    public string Gid => $"gid://shopify/InventoryLevel/{Id}?inventory_item_id={Item.Id}";
}
