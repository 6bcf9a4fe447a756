using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;

namespace ShopifyPS.Erp;

public enum UpsertOutcome { Inserted, Updated, Unchanged }

/// <summary>Which items <see cref="IErpStore.FindItems"/> returns. Empty lists mean "any".</summary>
public sealed class ItemQuery
{
    /// <summary>Item numbers; <c>*</c> and <c>?</c> are wildcards, <c>`</c> escapes them; case-insensitive.</summary>
    public IReadOnlyList<string> No { get; init; } = [];
    public IReadOnlyList<string> ItemCategoryCode { get; init; } = [];
}

/// <summary>An item removed by Remove-ShopifyItem; each shop's next sync applies actionForRemovedProducts to
/// the products mapped to it. Loading or creating the item again deletes the record.</summary>
public sealed record RemovedItem(string ItemNo, DateTimeOffset RemovedAt);

/// <summary>A row the store refused (a constraint of the database), with the reason.</summary>
public sealed class RowRejectedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The ERP side of the store: the tables of the ERP data set (<see cref="ErpTables"/>), read and written row by
/// row through their descriptors, so one small interface serves the import, the item cmdlets and the sync.
/// Filters compare a column with a value of the model's type, e.g.
/// <c>Rows(ErpTables.ItemReferences, ("ReferenceNo", barcode), ("ReferenceType", ReferenceType.BarCode))</c>;
/// every lookup the sync does has an index (barcode, vendor item no., category description, vendor name).
/// </summary>
public interface IErpStore : ITransactionalStore
{
    /// <summary>Inserts the row, or updates the given <paramref name="columns"/> (all when null) of the row with
    /// the same key. Columns left out keep their stored values on update and get the model's defaults on insert.
    /// Throws <see cref="RowRejectedException"/> when the database refuses the row.</summary>
    UpsertOutcome Upsert<T>(ErpTable<T> table, T row, IReadOnlyCollection<ErpColumn>? columns = null) where T : class, new();

    /// <summary>Deletes the row with the row's key, with what depends on it (an item's variants, references,
    /// prices, stock...; a variant's rows in those tables). Returns false when there was no such row.</summary>
    bool Delete<T>(ErpTable<T> table, T row) where T : class, new();

    /// <summary>The rows whose columns equal the given values, in key order.</summary>
    IReadOnlyList<T> Rows<T>(ErpTable<T> table, params (string Column, object? Value)[] where) where T : class, new();

    /// <summary>The rows whose <paramref name="column"/> is one of <paramref name="values"/> (compared as stored, case
    /// included), in key order per chunk of values: how a sync reads the rows of a whole batch of items at once.</summary>
    IReadOnlyList<T> RowsIn<T>(ErpTable<T> table, string column, IReadOnlyCollection<string> values) where T : class, new();

    /// <summary>The stock rows of <paramref name="itemNos"/>, as <see cref="RowsIn"/> of <see cref="ErpTables.Stock"/> by item
    /// no. reads them, with a reader typed for the stock table's columns: an inventory sync of a large catalog reads
    /// millions of them, and the generic reader boxes every value.</summary>
    IReadOnlyList<StockEntry> StockOfItems(IReadOnlyCollection<string> itemNos);

    /// <summary>The rows whose <paramref name="column"/> equals <paramref name="code"/> ignoring the case of ASCII
    /// letters (SQLite's NOCASE, which a NOCASE index serves), in key order.</summary>
    IReadOnlyList<T> RowsIgnoringCase<T>(ErpTable<T> table, string column, string code) where T : class, new();

    /// <summary>The values of <paramref name="column"/> of the rows whose <paramref name="filterColumn"/> equals
    /// <paramref name="value"/> (with <paramref name="ignoringCase"/>, as <see cref="RowsIgnoringCase"/> compares), in
    /// key order: a look-up that needs one column of a text type reads only that column.</summary>
    IReadOnlyList<string> ValuesWhere<T>(ErpTable<T> table, string column, string filterColumn, string value, bool ignoringCase = false)
        where T : class, new();

    /// <summary>The values of one column, read as they are enumerated (not held).</summary>
    IEnumerable<string> Values<T>(ErpTable<T> table, string column) where T : class, new();

    bool Exists<T>(ErpTable<T> table, params (string Column, object? Value)[] where) where T : class, new();

    /// <summary>Items in item no. order, read as they are enumerated.</summary>
    IEnumerable<Item> FindItems(ItemQuery query);

    IReadOnlyList<RemovedItem> RemovedItems();
}
