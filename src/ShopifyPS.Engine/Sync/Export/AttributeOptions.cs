using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Item attributes marked AsOption as product options (Business Central's "As Option"): for an item
/// without variants, each such attribute is an option (by attribute name) with the item's value. The data set keeps
/// attribute values per item, not per item variant, so an item with variants keeps its "Variant" option. Business
/// Central's checks: at most 3 options (Shopify's limit), no empty value, and never together with units of measure as
/// variants.
/// </summary>
public static class AttributeOptions
{
    /// <summary>Shopify's limit on options per product.</summary>
    public const int MaxOptions = 3;

    /// <summary>The attributes marked AsOption, by attribute name.</summary>
    public static IReadOnlyList<ItemAttribute> Marked(ItemExportData data) =>
        data.Attributes.Where(a => a.AsOption).OrderBy(a => a.Attribute, StringComparer.Ordinal).ToList();

    /// <summary>The options (name, value) the item's product gets from its attributes; none for an item with variants.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(ItemExportData data) =>
        data.Variants.Any(v => !v.Blocked) ? [] : Marked(data).Select(a => (a.Attribute, a.Value.Trim())).ToList();

    /// <summary>Why the item's attributes marked AsOption keep it from being exported, or null.</summary>
    public static string? Problem(ItemExportData data, ItemSettings settings)
    {
        var marked = Marked(data);
        if (marked.Count == 0) return null;
        var no = data.Item.No;
        if (settings.UomAsVariant)
            return $"Item {no} has attributes marked as \"As Option\" ({Names(marked)}), which cannot be combined with units of measure as variants: " +
                "clear AsOption in item-attributes.csv, or turn uomAsVariant off (Set-ShopifyShop -UomAsVariant $false).";
        if (Of(data).Count == 0) return null;
        if (marked.Count > MaxOptions)
            return $"Item {no} has {marked.Count} attributes marked as \"As Option\" ({Names(marked)}). Shopify supports a maximum of {MaxOptions} product options: clear AsOption of the others in item-attributes.csv.";
        if (marked.FirstOrDefault(a => a.Value.Trim().Length == 0) is { } empty)
            return $"Item {no} has no value for attribute '{empty.Attribute}', which is marked as \"As Option\": give it a value in item-attributes.csv, or clear AsOption.";
        return null;
    }

    private static string Names(IEnumerable<ItemAttribute> attributes) => string.Join(", ", attributes.Select(a => a.Attribute));
}
