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

    /// <summary>The items in item no. order, and the exact numbers that match no item.</summary>
    public (IReadOnlyList<Item> Items, IReadOnlyList<string> NotFound) Resolve(IErpStore erp)
    {
        if (Numbers.Count == 0)
            return (erp.FindItems(new ItemQuery { ItemCategoryCode = ItemCategoryCodes }).ToList(), []);

        var exact = Numbers.Where(n => !ItemNoPattern.HasWildcards(n)).Distinct().ToList();
        var patterns = Numbers.Where(ItemNoPattern.HasWildcards).ToList();
        // Exact numbers by the primary key (fast for a whole pipeline of items); the few not found that way are looked
        // up again ignoring case, as Get-ShopifyItem does.
        var items = erp.RowsIn(ErpTables.Items, "No", exact).ToList();
        var missing = exact.Except(items.Select(i => i.No)).ToList();
        if (missing.Count > 0) items.AddRange(erp.FindItems(new ItemQuery { No = missing.Select(Escape).ToList() }));
        if (ItemCategoryCodes.Count > 0)
            items.RemoveAll(i => !ItemCategoryCodes.Contains(i.ItemCategoryCode, StringComparer.OrdinalIgnoreCase));
        if (patterns.Count > 0) items.AddRange(erp.FindItems(new ItemQuery { No = patterns, ItemCategoryCode = ItemCategoryCodes }));

        var found = items.Select(i => i.No).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notFound = missing.Where(n => !found.Contains(n)).ToList();
        return (items.DistinctBy(i => i.No).OrderBy(i => i.No, StringComparer.Ordinal).ToList(), notFound);
    }

    private static string Escape(string no)
    {
        var escaped = new StringBuilder(no.Length);
        foreach (var c in no) escaped.Append(c is '*' or '?' or '`' ? "`" + c : c);
        return escaped.ToString();
    }
}
