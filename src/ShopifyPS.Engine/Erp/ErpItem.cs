using ShopifyPS.Erp;
using System.Collections.ObjectModel;
using Newtonsoft.Json;
using ShopifyPS.Erp.Model;

namespace ShopifyPS;

/// <summary>
/// An item as Get-ShopifyItem writes it: the columns of items.csv, its variants and barcodes, and (for a shop) the
/// Shopify product and variants it is mapped to. The lists print as JSON, so <c>Export-Csv</c> writes a cell that
/// Set-ShopifyItem reads back (<see cref="ItemCells"/>).
/// </summary>
public sealed class ErpItem : Item
{
    public CellList<ItemVariant> Variants { get; internal set; } = CellList.Variants([]);
    /// <summary>The item's references of type BarCode.</summary>
    public CellList<ItemReference> Barcodes { get; internal set; } = CellList.Barcodes([]);
    /// <summary>The item's rows of item-units-of-measure.csv (read only: load them with Import-ShopifyErpData).</summary>
    public CellList<ItemUnitOfMeasure> UnitsOfMeasure { get; internal set; } = CellList.Units([]);
    /// <summary>The shop's product the item is mapped to (blank without -Shop or when unmapped).</summary>
    public string ProductId { get; internal set; } = "";
    /// <summary>The shop's variants mapped to the item or its variants.</summary>
    public CellList<string> VariantIds { get; internal set; } = CellList.Ids([]);

    /// <summary>An item of its own with the same values (the lists are read-only, so they are shared).</summary>
    internal ErpItem Copy() => (ErpItem)MemberwiseClone();
}

/// <summary>A read-only list that prints as a JSON array of the given projection of its elements.</summary>
public sealed class CellList<T> : ReadOnlyCollection<T>
{
    private readonly Func<T, object> _cell;

    internal CellList(IList<T> items, Func<T, object> cell) : base(items) => _cell = cell;

    public override string ToString() => JsonConvert.SerializeObject(this.Select(_cell));
}

/// <summary>What each list of <see cref="ErpItem"/> prints: the fields <see cref="ItemCells"/> reads back.</summary>
internal static class CellList
{
    public static CellList<ItemVariant> Variants(IList<ItemVariant> variants) =>
        new(variants, v => new { v.Code, v.Description, v.Blocked, v.PicturePath });

    public static CellList<ItemReference> Barcodes(IList<ItemReference> barcodes) =>
        new(barcodes, b => new { b.ReferenceNo, b.VariantCode, b.UnitOfMeasure });

    public static CellList<ItemUnitOfMeasure> Units(IList<ItemUnitOfMeasure> units) =>
        new(units, u => new { u.Code, u.QtyPerUnitOfMeasure });

    public static CellList<string> Ids(IList<string> ids) => new(ids, id => id);
}
