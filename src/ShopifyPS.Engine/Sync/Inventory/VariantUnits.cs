using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Inventory;

/// <summary>
/// The unit of measure a mapped Shopify variant sells, so its stock is counted in that unit: its own unit (units as
/// variants), else the item's sales unit. Units are read from the store only when another unit than the base unit is
/// involved, once per item.
/// </summary>
internal sealed class VariantUnits(IErpStore erp)
{
    private readonly Dictionary<string, IReadOnlyList<ItemUnitOfMeasure>> _rows = new(StringComparer.Ordinal);

    /// <summary>The variant's unit, or null with the reason when the item does not have it.</summary>
    public (ItemUnit? Unit, string? Problem) For(Item item, string variantUnit)
    {
        var unit = variantUnit.Length > 0 ? variantUnit : item.SalesUnitOfMeasure;
        if (unit.Length == 0 || ItemUnits.Same(unit, item.BaseUnitOfMeasure)) return (new ItemUnit(item.BaseUnitOfMeasure, 1), null);
        return ItemUnits.OfVariant(item, RowsOf(item), variantUnit);
    }

    private IReadOnlyList<ItemUnitOfMeasure> RowsOf(Item item)
    {
        if (!_rows.TryGetValue(item.No, out var rows)) _rows[item.No] = rows = erp.Rows(ErpTables.ItemUnitsOfMeasure, ("ItemNo", item.No));
        return rows;
    }
}
