using ShopifyPS.Sync.Inventory;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;

namespace ShopifyPS;

/// <summary>
/// One variant at one Shopify location as the connector last saw it (V5), for Get-ShopifyInventory: the stock last known
/// in Shopify (read, or written by the last sync) and the stock last calculated from the ERP, each with since when (a sync
/// that finds them unchanged leaves the row as it is).
/// </summary>
public sealed class ShopifyInventoryLevel
{
    internal ShopifyInventoryLevel(ShopVariant variant, ShopInventory row, string locationName)
    {
        Shop = row.Shop;
        ItemNo = variant.ItemNo;
        VariantCode = variant.VariantCode;
        UnitOfMeasure = variant.UnitOfMeasure;
        Sku = variant.Sku;
        ProductId = variant.ProductId;
        VariantId = variant.Id;
        InventoryItemId = row.InventoryItemId;
        LocationId = row.LocationId;
        Location = locationName;
        ShopifyStock = row.ShopifyStock;
        ShopifyStockAt = row.ShopifyStockAt;
        CalculatedStock = row.CalculatedStock;
        CalculatedAt = row.CalculatedAt;
    }

    public string Shop { get; }
    public string ItemNo { get; }
    public string VariantCode { get; }
    /// <summary>The unit of measure the variant stands for when units are variants (its stock counts that unit).</summary>
    public string UnitOfMeasure { get; }
    public string Sku { get; }
    public string ProductId { get; }
    public string VariantId { get; }
    public string InventoryItemId { get; }
    public string LocationId { get; }
    /// <summary>The location's name in the shop profile (its id when the profile does not list it).</summary>
    public string Location { get; }
    public long? ShopifyStock { get; }
    public DateTimeOffset? ShopifyStockAt { get; }
    public long? CalculatedStock { get; }
    public DateTimeOffset? CalculatedAt { get; }

    public override string ToString() => $"{ItemNo}{(VariantCode.Length > 0 ? "/" + VariantCode : "")}{(UnitOfMeasure.Length > 0 ? " " + UnitOfMeasure : "")} at {Location}: Shopify {ShopifyStock}, calculated {CalculatedStock}";

    /// <summary>The mirror's levels of the shop, of the given items and locations (empty: all), by variant and location.
    /// Reads the database only.</summary>
    public static IEnumerable<ShopifyInventoryLevel> List(IConnectorStore store, ShopProfile profile, IReadOnlyCollection<string> itemNos,
        IReadOnlyCollection<string> locationIds)
    {
        var names = profile.Locations.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var variants = itemNos.Count == 0
            ? store.Variants(profile.Name)
            : itemNos.SelectMany(no => store.VariantsOfItem(profile.Name, no)).DistinctBy(v => v.Id).OrderBy(v => v.Id, StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            foreach (var row in store.InventoryOfVariant(profile.Name, variant.Id))
            {
                if (locationIds.Count > 0 && !locationIds.Contains(row.LocationId)) continue;
                yield return new ShopifyInventoryLevel(variant, row, names.GetValueOrDefault(row.LocationId, row.LocationId));
            }
        }
    }
}
