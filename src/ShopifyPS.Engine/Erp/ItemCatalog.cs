using ShopifyPS.Connector;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Erp;

/// <summary>What Set-ShopifyItem asks for: the item's columns that were given and, when given, its complete list of
/// variants and barcodes (named values, as from a script object or <see cref="ItemCells.Parse"/>).</summary>
public sealed class ItemChange
{
    public required string No { get; init; }
    public IReadOnlyList<KeyValuePair<string, object?>> Values { get; init; } = [];
    /// <summary>Null: the variants stay as they are. Otherwise the item's variants become exactly these.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Variants { get; init; }
    /// <summary>Null: the barcodes stay as they are. Otherwise the item's BarCode references become exactly these.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Barcodes { get; init; }
}

/// <summary>What saving an <see cref="ItemChange"/> did.</summary>
public sealed record ItemSaveResult(string No, UpsertOutcome Item, int VariantsSaved, int VariantsRemoved, int BarcodesSaved, int BarcodesRemoved)
{
    public bool Changed => Item != UpsertOutcome.Unchanged || VariantsSaved + VariantsRemoved + BarcodesSaved + BarcodesRemoved > 0;
}

/// <summary>The items as the item cmdlets see them: with variants, barcodes and a shop's mapping; changed and
/// removed one item at a time, each in its own transaction.</summary>
public sealed class ItemCatalog(IErpStore erp, IConnectorStore connector)
{
    /// <summary>The items of <paramref name="query"/>; with <paramref name="shop"/> their mapping in that shop, and
    /// with <paramref name="unmappedOnly"/> only items that are mapped to no product or variant there.</summary>
    public IEnumerable<ErpItem> Find(ItemQuery query, string? shop = null, bool unmappedOnly = false)
    {
        foreach (var item in erp.FindItems(query))
        {
            var result = WithDetails(item, shop);
            if (unmappedOnly && (result.ProductId.Length > 0 || result.VariantIds.Count > 0)) continue;
            yield return result;
        }
    }

    /// <summary>The item with exactly this no., as <see cref="Find"/> writes it; null when there is none.</summary>
    public ErpItem? Get(string no, string? shop = null) =>
        erp.Rows(ErpTables.Items, ("No", no)).FirstOrDefault() is { } item ? WithDetails(item, shop) : null;

    private ErpItem WithDetails(Item item, string? shop)
    {
        var result = new ErpItem();
        foreach (var column in ErpTables.Items.Columns) column.SetValue(result, column.GetValue(item));
        result.Variants = CellList.Variants(erp.Rows(ErpTables.ItemVariants, ("ItemNo", item.No)).ToList());
        result.Barcodes = CellList.Barcodes(Barcodes(item.No).ToList());
        result.UnitsOfMeasure = CellList.Units(erp.Rows(ErpTables.ItemUnitsOfMeasure, ("ItemNo", item.No)).ToList());
        if (shop is null) return result;
        result.ProductId = connector.ProductsOfItem(shop, item.No).FirstOrDefault(p => !p.Removed)?.Id ?? "";
        result.VariantIds = CellList.Ids(connector.VariantsOfItem(shop, item.No).Select(v => v.Id).ToList());
        return result;
    }

    public bool Exists(string no) => erp.Exists(ErpTables.Items, ("No", no));

    /// <summary>Creates the item or changes the given columns; replaces its variants and barcodes when given.
    /// All of it or nothing is saved.</summary>
    /// <exception cref="ArgumentException">A value, variant or barcode is not valid; nothing was saved.</exception>
    public ItemSaveResult Save(ItemChange change)
    {
        if (string.IsNullOrWhiteSpace(change.No)) throw new ArgumentException("The item no. is blank.");
        var (item, columns) = ErpTables.Items.RowFrom(change.Values.Where(v => !string.Equals(v.Key, "No", StringComparison.OrdinalIgnoreCase)));
        item.No = change.No;
        var variants = change.Variants?.Select(v => RowOfItem(ErpTables.ItemVariants, v, change.No, "variant", "Code")).ToList();
        var barcodes = change.Barcodes?.Select(b => Barcode(b, change.No)).ToList();
        Duplicates(variants, ErpTables.ItemVariants, "variant");
        Duplicates(barcodes, ErpTables.ItemReferences, "barcode");

        // Disposing without a commit (an exception below) rolls all of it back.
        using var transaction = erp.BeginTransaction();
        var outcome = erp.Upsert(ErpTables.Items, item, columns.Append(ErpTables.Items.Key[0]).ToList());
        var (variantsSaved, variantsRemoved) = variants is null ? (0, 0)
            : Replace(ErpTables.ItemVariants, erp.Rows(ErpTables.ItemVariants, ("ItemNo", change.No)), variants);
        var (barcodesSaved, barcodesRemoved) = (0, 0);
        if (barcodes is not null)
        {
            var unknown = barcodes.FirstOrDefault(b => b.Row.VariantCode.Length > 0 && !erp.Exists(ErpTables.ItemVariants, ("ItemNo", change.No), ("Code", b.Row.VariantCode)));
            if (unknown.Row is not null) throw new ArgumentException($"Item {change.No} has no variant '{unknown.Row.VariantCode}' for barcode {unknown.Row.ReferenceNo}.");
            (barcodesSaved, barcodesRemoved) = Replace(ErpTables.ItemReferences, Barcodes(change.No), barcodes);
        }
        transaction.Commit();
        return new ItemSaveResult(change.No, outcome, variantsSaved, variantsRemoved, barcodesSaved, barcodesRemoved);
    }

    /// <summary>Removes the item with its variants, references, prices and stock. The store records the removal,
    /// so each shop's next sync applies its actionForRemovedProducts to the products mapped to it.</summary>
    public bool Remove(string no)
    {
        using var transaction = erp.BeginTransaction();
        var removed = erp.Delete(ErpTables.Items, new Item { No = no });
        transaction.Commit();
        return removed;
    }

    private IReadOnlyList<ItemReference> Barcodes(string itemNo) =>
        erp.Rows(ErpTables.ItemReferences, ("ItemNo", itemNo), ("ReferenceType", ReferenceType.BarCode));

    private static (ItemReference Row, IReadOnlyList<ErpColumn> Columns) Barcode(IReadOnlyDictionary<string, object?> values, string itemNo)
    {
        var barcode = RowOfItem(ErpTables.ItemReferences, values, itemNo, "barcode", "ReferenceNo");
        if (barcode.Row.ReferenceType != ReferenceType.BarCode)
            throw new ArgumentException($"Reference {barcode.Row.ReferenceNo} of item {itemNo} is of type {barcode.Row.ReferenceType}; -Barcodes takes barcodes only.");
        return barcode;
    }

    // The item no. comes from the item being saved; a row that names another item is a mistake worth stopping for.
    private static (T Row, IReadOnlyList<ErpColumn> Columns) RowOfItem<T>(ErpTable<T> table, IReadOnlyDictionary<string, object?> values, string itemNo, string what, string required)
        where T : class, new()
    {
        var given = table.RowFrom(values);
        var itemColumn = table.Column("ItemNo")!;
        var named = (string)itemColumn.GetValue(given.Row)!;
        if (given.Columns.Contains(itemColumn) && named.Length > 0 && named != itemNo)
            throw new ArgumentException($"A {what} of item {itemNo} names item '{named}'.");
        if (!given.Columns.Contains(table.Column(required)!) || string.IsNullOrWhiteSpace((string)table.Column(required)!.GetValue(given.Row)!))
            throw new ArgumentException($"A {what} of item {itemNo} has no {required}.");
        itemColumn.SetValue(given.Row, itemNo);
        return given;
    }

    private static void Duplicates<T>(List<(T Row, IReadOnlyList<ErpColumn> Columns)>? rows, ErpTable<T> table, string what) where T : class, new()
    {
        var repeated = rows?.GroupBy(r => table.KeyText(r.Row)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"The {what} {table.DescribeKey(repeated.First().Row)} is given twice.");
    }

    /// <summary>Makes the stored rows exactly <paramref name="wanted"/>: removes the others, upserts these.</summary>
    private (int Saved, int Removed) Replace<T>(ErpTable<T> table, IReadOnlyList<T> stored, List<(T Row, IReadOnlyList<ErpColumn> Columns)> wanted)
        where T : class, new()
    {
        var keep = wanted.Select(w => table.KeyText(w.Row)).ToHashSet();
        var removed = stored.Count(row => !keep.Contains(table.KeyText(row)) && erp.Delete(table, row));
        var saved = wanted.Count(w => erp.Upsert(table, w.Row, w.Columns.Union(table.Key).ToList()) != UpsertOutcome.Unchanged);
        return (saved, removed);
    }
}
