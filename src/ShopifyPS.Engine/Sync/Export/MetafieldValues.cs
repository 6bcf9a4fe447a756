using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>One metafield ShopifyPS sets: namespace, key, Shopify type and the value as Shopify stores it.</summary>
public sealed record MetafieldValue(string Namespace, string Key, string Type, string Value)
{
    /// <summary>namespace.key: how the sent-metafields record and the messages name it.</summary>
    public string Name => $"{Namespace}.{Key}";
}

/// <summary>
/// The metafields a product and its variants get from the profile's items.metafields: each mapped attribute or column
/// value, converted to its Shopify type. A blank value sets no metafield. A value Shopify would refuse fails the item
/// before anything is sent, because metafieldsSet refuses a whole call for one bad value.
/// </summary>
internal static class MetafieldValues
{
    /// <summary>Fills the draft's and its variants' metafields; returns why a value cannot be sent, or null.</summary>
    public static string? Fill(ProductDraft draft, ItemExportData data, IReadOnlyList<MetafieldMapping> mappings)
    {
        foreach (var mapping in mappings)
        {
            if (mapping.Owner == MetafieldOwner.Product)
            {
                if (Add(draft.Metafields, mapping, Text(mapping, data, null)) is { } problem) return problem;
                continue;
            }
            foreach (var variant in draft.Variants)
            {
                var itemVariant = data.Variants.FirstOrDefault(v => v.Code == variant.VariantCode);
                if (Add(variant.Metafields, mapping, Text(mapping, data, itemVariant)) is { } problem) return problem;
            }
        }
        return null;
    }

    private static string? Add(List<MetafieldValue> values, MetafieldMapping mapping, string text)
    {
        if (text.Trim().Length == 0) return null;
        var (value, expected) = MetafieldTypes.Convert(mapping.Type, text);
        if (value is null)
            return $"The value '{text}' of {(mapping.Attribute.Length > 0 ? $"attribute '{mapping.Attribute}'" : mapping.Field)} cannot be sent as the {mapping.Type} metafield {mapping}: " +
                $"Shopify takes {expected}. Correct the value in the ERP, or map the metafield to another type (items.metafields in the profile).";
        values.Add(new MetafieldValue(mapping.Namespace, mapping.Key, mapping.Type, value));
        return null;
    }

    /// <summary>The ERP value: the item's attribute (names compare ignoring case), else the column — the item variant's
    /// for a variant metafield when item-variants.csv has it (blank for the default variant), else the item's.</summary>
    private static string Text(MetafieldMapping mapping, ItemExportData data, ItemVariant? itemVariant)
    {
        if (mapping.Attribute.Length > 0)
            return data.Attributes.FirstOrDefault(a => string.Equals(a.Attribute, mapping.Attribute, StringComparison.OrdinalIgnoreCase))?.Value ?? "";
        var variantColumn = mapping.Owner == MetafieldOwner.Variant ? ErpTables.ItemVariants.Column(mapping.Field) : null;
        if (variantColumn is not null) return itemVariant is null ? "" : variantColumn.Format(variantColumn.GetValue(itemVariant));
        var column = ErpTables.Items.Column(mapping.Field)!;
        return column.Format(column.GetValue(data.Item));
    }
}
