namespace ShopifyPS.Profiles;

/// <summary>Which Shopify resource a mapped metafield belongs to.</summary>
public enum MetafieldOwner { Product, Variant }

/// <summary>
/// One ERP value sent to Shopify as a metafield (items.metafields[] of a profile): the owner, namespace, key and
/// Shopify type, and where the value comes from — an item attribute (item-attributes.csv, by name) or a column
/// (items.csv; for variant metafields item-variants.csv first). ShopifyPS writes only the metafields mapped here.
/// </summary>
public sealed class MetafieldMapping
{
    public MetafieldOwner Owner { get; set; }
    public string Namespace { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>Shopify's metafield type, for example single_line_text_field or number_decimal.</summary>
    public string Type { get; set; } = "";
    /// <summary>The item attribute whose value is sent (item-attributes.csv Attribute).</summary>
    public string Attribute { get; set; } = "";
    /// <summary>The column whose value is sent (items.csv, or item-variants.csv for a variant metafield).</summary>
    public string Field { get; set; } = "";

    /// <summary>namespace.key, as Shopify and the messages name it.</summary>
    public override string ToString() => $"{Namespace}.{Key}";
}
