namespace ShopifyPS.Sync.Export;

/// <summary>A product's tags as the connector keeps them (ShopProduct.Tags, comma-separated, as Shopify's <c>tags</c>).</summary>
internal static class ProductTags
{
    public static List<string> Split(string tags) =>
        tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    public static string Join(IEnumerable<string> tags) => string.Join(", ", tags);
}
