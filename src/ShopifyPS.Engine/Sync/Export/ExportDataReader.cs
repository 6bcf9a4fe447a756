using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Reads what an export needs about a batch of items with one query per table (not one per item): variants,
/// units of measure, references, translations, extended texts, marketing texts, attributes and their translations, vendors, categories, sales
/// prices and line discounts.
/// </summary>
public sealed class ExportDataReader(IErpStore erp)
{
    /// <summary>How many items an export reads at a time: few queries, and memory that does not grow with the catalog.</summary>
    public const int BatchSize = 500;

    public IReadOnlyList<ExportItem> Read(IReadOnlyList<Item> items)
    {
        var numbers = items.Select(i => i.No).ToList();
        var variants = ByItem(erp.RowsIn(ErpTables.ItemVariants, "ItemNo", numbers), v => v.ItemNo);
        var units = ByItem(erp.RowsIn(ErpTables.ItemUnitsOfMeasure, "ItemNo", numbers), u => u.ItemNo);
        var references = ByItem(erp.RowsIn(ErpTables.ItemReferences, "ItemNo", numbers), r => r.ItemNo);
        var translations = ByItem(erp.RowsIn(ErpTables.ItemTranslations, "ItemNo", numbers), t => t.ItemNo);
        var texts = ByItem(erp.RowsIn(ErpTables.ExtendedTexts, "ItemNo", numbers), t => t.ItemNo);
        var attributes = ByItem(erp.RowsIn(ErpTables.ItemAttributes, "ItemNo", numbers), a => a.ItemNo);
        var marketing = ByItem(erp.RowsIn(ErpTables.MarketingTexts, "ItemNo", numbers), m => m.ItemNo);
        var prices = ByItem(erp.RowsIn(ErpTables.SalesPrices, "ItemNo", numbers), p => p.ItemNo);
        // Discount rows name an item or an item discount group in Code; the price engine picks what applies.
        var discounts = erp.RowsIn(ErpTables.SalesLineDiscounts, "Code",
            numbers.Concat(items.Select(i => i.ItemDiscGroup).Where(g => g.Length > 0)).ToList());
        var attributeTranslations = erp.RowsIn(ErpTables.AttributeTranslations, "Attribute",
            attributes.Values.SelectMany(a => a).Select(a => a.Attribute).ToList());
        var vendors = erp.RowsIn(ErpTables.Vendors, "No", items.Select(i => i.VendorNo).Where(v => v.Length > 0).ToList())
            .ToDictionary(v => v.No);
        var categories = erp.RowsIn(ErpTables.ItemCategories, "Code", items.Select(i => i.ItemCategoryCode).Where(c => c.Length > 0).ToList())
            .ToDictionary(c => c.Code);

        return items.Select(item =>
        {
            var itemAttributes = Of(attributes, item.No);
            return new ExportItem
            {
                Data = new ItemExportData
                {
                    Item = item,
                    Variants = Of(variants, item.No),
                    Units = Of(units, item.No),
                    References = Of(references, item.No),
                    Vendor = vendors.GetValueOrDefault(item.VendorNo),
                    Category = categories.GetValueOrDefault(item.ItemCategoryCode),
                    Translations = Of(translations, item.No),
                    ExtendedTexts = Of(texts, item.No),
                    Attributes = itemAttributes,
                    AttributeTranslations = attributeTranslations.Where(t => itemAttributes.Any(a => a.Attribute == t.Attribute)).ToList(),
                    MarketingTexts = Of(marketing, item.No),
                },
                SalesPrices = Of(prices, item.No),
                LineDiscounts = discounts.Where(d => d.Type == LineDiscountType.Item ? d.Code == item.No : d.Code == item.ItemDiscGroup).ToList(),
            };
        }).ToList();
    }

    private static Dictionary<string, List<T>> ByItem<T>(IEnumerable<T> rows, Func<T, string> itemNo) =>
        rows.GroupBy(itemNo).ToDictionary(g => g.Key, g => g.ToList());

    private static IReadOnlyList<T> Of<T>(Dictionary<string, List<T>> rows, string itemNo) =>
        rows.TryGetValue(itemNo, out var list) ? list : [];
}
