using System.Text;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// The items Add-ShopifyItem was given (E1): item numbers (from the pipeline or -No, where <c>*</c> and <c>?</c> are
/// wildcards) and item category codes. No numbers means every item (of the categories, when given).
/// </summary>
public sealed class ItemSelection
{
    public IReadOnlyList<string> Numbers { get; init; } = [];
    public IReadOnlyList<string> ItemCategoryCodes { get; init; } = [];

    /// <summary>The numbers of the items in item no. order, and the exact numbers that match no item. Items are read a
    /// batch at a time and only their numbers kept, so a selection of a whole catalog holds no item rows.</summary>
    public (IReadOnlyList<string> Numbers, IReadOnlyList<string> NotFound) Resolve(IErpStore erp)
    {
        if (Numbers.Count == 0)
            return (erp.FindItems(new ItemQuery { ItemCategoryCode = ItemCategoryCodes }).Select(i => i.No).ToList(), []);

        var exact = Numbers.Where(n => !ItemNoPattern.HasWildcards(n)).Distinct().ToList();
        var patterns = Numbers.Where(ItemNoPattern.HasWildcards).ToList();
        // Exact numbers by the primary key (fast for a whole pipeline of items); the few not found that way are looked
        // up again ignoring case, as Get-ShopifyItem does.
        var numbers = new List<string>();
        var missing = new List<string>();
        foreach (var batch in exact.Chunk(ExportDataReader.BatchSize))
        {
            var rows = erp.RowsIn(ErpTables.Items, "No", batch);
            missing.AddRange(batch.Except(rows.Select(i => i.No)));
            numbers.AddRange(rows.Where(InCategories).Select(i => i.No));
        }
        if (missing.Count > 0) numbers.AddRange(erp.FindItems(new ItemQuery { No = missing.Select(Escape).ToList() }).Where(InCategories).Select(i => i.No));
        if (patterns.Count > 0) numbers.AddRange(erp.FindItems(new ItemQuery { No = patterns, ItemCategoryCode = ItemCategoryCodes }).Select(i => i.No));

        var found = numbers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notFound = missing.Where(n => !found.Contains(n)).ToList();
        return (numbers.Distinct().Order(StringComparer.Ordinal).ToList(), notFound);
    }

    private bool InCategories(Item item) =>
        ItemCategoryCodes.Count == 0 || ItemCategoryCodes.Contains(item.ItemCategoryCode, StringComparer.OrdinalIgnoreCase);

    private static string Escape(string no)
    {
        var escaped = new StringBuilder(no.Length);
        foreach (var c in no) escaped.Append(c is '*' or '?' or '`' ? "`" + c : c);
        return escaped.ToString();
    }
}
