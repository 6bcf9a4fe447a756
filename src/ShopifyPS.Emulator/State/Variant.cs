namespace ShopifyPS.Emulator.State;

internal sealed partial class Variant
{
    public long Id { get; init; }
    public required Product Product { get; set; }
    public required InventoryItem InventoryItem { get; init; }
    public int Position { get; set; }
    public decimal Price { get; set; }
    public MetafieldList Metafields { get; } = new();
    public decimal? CompareAtPrice { get; set; }
    public string? Barcode { get; set; }
    public string InventoryPolicy { get; set; } = "DENY";
    public bool Taxable { get; set; } = true;
    public string? TaxCode { get; set; }
    public MediaFile? Image { get; set; }

    /// <summary>(option name, value) pairs in option order; the default variant has ("Title", "Default Title").</summary>
    public List<(string Name, string Value)> SelectedOptions { get; set; } = new();

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Shopify keeps the SKU on the inventory item; the variant exposes the same value.</summary>
    public string? Sku => InventoryItem.Sku;

    public string Title => SelectedOptions.Count == 0 ? "Default Title" : string.Join(" / ", SelectedOptions.Select(o => o.Value));

    public int InventoryQuantity => InventoryItem.Levels.Values.Sum(l => l.Get("available"));

    public string Gid => State.Gid.Of("ProductVariant", Id);

    public string OptionKey => string.Join("\u001f", SelectedOptions.Select(o => o.Value.ToLowerInvariant()));
}
