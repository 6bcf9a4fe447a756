using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync;

/// <summary>A unit an item is sold in: its code and how many base units one of it holds (1 for the base unit).</summary>
public sealed record ItemUnit(string Code, decimal QtyPerUnit)
{
    /// <summary>"BOX (12)" for a unit of several base units, the code alone for the base unit.</summary>
    public override string ToString() => QtyPerUnit == 1 ? Code : $"{Code} ({QtyPerUnit.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}

/// <summary>
/// The units of measure of an item: its base unit (quantity 1, whether or not item-units-of-measure.csv lists it) and
/// the rows of item-units-of-measure.csv. Codes compare ignoring case, as Business Central's Code fields.
/// </summary>
public static class ItemUnits
{
    /// <summary>Every unit of the item: the base unit first, then the others by quantity (then code), so a shop lists
    /// the piece before the pack.</summary>
    public static IReadOnlyList<ItemUnit> All(Item item, IEnumerable<ItemUnitOfMeasure> rows)
    {
        var units = new List<ItemUnit> { new(item.BaseUnitOfMeasure, 1) };
        units.AddRange(rows
            .Where(r => r.ItemNo == item.No && !Same(r.Code, item.BaseUnitOfMeasure))
            .OrderBy(r => r.QtyPerUnitOfMeasure).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new ItemUnit(r.Code, r.QtyPerUnitOfMeasure)));
        return units;
    }

    /// <summary>The unit of that code (blank = the base unit), or null when the item has no such unit.</summary>
    public static ItemUnit? Find(Item item, IEnumerable<ItemUnitOfMeasure> rows, string code) =>
        code.Length == 0 ? new ItemUnit(item.BaseUnitOfMeasure, 1) : All(item, rows).FirstOrDefault(u => Same(u.Code, code));

    /// <summary>The unit Shopify sells the item in when units are not variants: SalesUnitOfMeasure, blank = the base unit.</summary>
    public static ItemUnit? Sales(Item item, IEnumerable<ItemUnitOfMeasure> rows) => Find(item, rows, item.SalesUnitOfMeasure);

    /// <summary>Why the item cannot be sold in its sales unit, or null.</summary>
    public static string? UnknownSalesUnitReason(Item item, IEnumerable<ItemUnitOfMeasure> rows) => Sales(item, rows) is null
        ? $"Item {item.No} is sold in '{item.SalesUnitOfMeasure}', which is not one of its units of measure: add it to item-units-of-measure.csv " +
          $"(ItemNo {item.No}, Code {item.SalesUnitOfMeasure}, QtyPerUnitOfMeasure), or clear SalesUnitOfMeasure (Set-ShopifyItem -No {item.No} -SalesUnitOfMeasure '')."
        : null;

    /// <summary>The unit a mapped Shopify variant stands for: its own (units as variants), else the item's sales unit;
    /// null with the reason when the item does not have it.</summary>
    public static (ItemUnit? Unit, string? Problem) OfVariant(Item item, IEnumerable<ItemUnitOfMeasure> rows, string variantUnit)
    {
        if (variantUnit.Length == 0) return (Sales(item, rows), UnknownSalesUnitReason(item, rows));
        return Find(item, rows, variantUnit) is { } unit ? (unit, null)
            : (null, $"The variant stands for item {item.No} in '{variantUnit}', which is no longer one of the item's units of measure: add it to item-units-of-measure.csv again, or map the variant anew with Set-ShopifySkuMapping.");
    }

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
