using Newtonsoft.Json.Linq;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Where a new variant is stocked (Business Central's "Default Product Location", set when it creates a product): every
/// profile location marked defaultProductLocation, with the quantity its stock calculation gives for the item variant,
/// or 0 where the location has none (Disabled, or a non-inventory item). Stocking at creation saves the inventory
/// sync an activation per level, and makes the product sellable where the shop says from its first minute.
/// </summary>
internal sealed class DefaultLocationStock(ShopProfile profile, IErpStore erp)
{
    private readonly List<(ShopLocation Location, LocationFilter Filter)> _locations = profile.Locations
        .Where(l => l.DefaultProductLocation)
        .Select(l => (l, LocationFilter.Parse(l.LocationFilter))).ToList();
    private readonly Dictionary<string, IReadOnlyList<StockEntry>> _stock = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _locations.Count > 0;

    /// <summary>The quantities of one variant, in whole units of its unit of measure, as (location id, quantity).</summary>
    public IReadOnlyList<(string LocationId, int Quantity)> For(Item item, VariantDraft variant)
    {
        if (_locations.Count == 0) return [];
        if (!_stock.TryGetValue(item.No, out var rows))
            _stock[item.No] = rows = _locations.Any(l => l.Location.StockCalculation != StockCalculation.Disabled)
                ? erp.RowsIn(ErpTables.Stock, "ItemNo", [item.No]) : [];
        return _locations.Select(l => (l.Location.Id,
            StockCalculator.Calculate(l.Location.StockCalculation, l.Filter, item, variant.VariantCode, rows, variant.Unit.QtyPerUnit)?.Quantity ?? 0)).ToList();
    }

    /// <summary>productSet's <c>inventoryQuantities</c> (ProductSetInventoryInput) for the profile's quantity name.</summary>
    public JArray ProductSetQuantities(Item item, VariantDraft variant) => new(For(item, variant).Select(q => new JObject
    {
        ["locationId"] = q.LocationId,
        ["name"] = profile.Items.InventoryQuantityName == InventoryQuantityName.OnHand ? "on_hand" : "available",
        ["quantity"] = q.Quantity,
    }));

    /// <summary>productVariantsBulkCreate's <c>inventoryQuantities</c> (InventoryLevelInput: available only).</summary>
    public JArray BulkCreateQuantities(Item item, VariantDraft variant) => new(For(item, variant).Select(q => new JObject
    {
        ["locationId"] = q.LocationId,
        ["availableQuantity"] = q.Quantity,
    }));
}
