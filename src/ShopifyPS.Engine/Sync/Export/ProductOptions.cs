using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// The option new item variants go under: the product's own (a merchandiser may have renamed "Variant" to "Size"), or
/// "Variant" when the product has only Shopify's default variant. A product with two or three options gets none: an
/// item variant gives one value, and guessing the others would put wrong variants on a live product.
/// </summary>
internal sealed record ProductOptions(string? OptionName, bool OnlyDefaultVariant, string? Problem)
{
    public static async Task<ProductOptions> ReadAsync(ShopifyClient client, string productId, CancellationToken cancellationToken)
    {
        var response = await client.ExecuteAsync("ProductOptions", new JObject { ["id"] = productId }, cancellationToken).ConfigureAwait(false);
        if (response.Data["product"] is not JObject product)
            return new ProductOptions(null, false, $"Shopify has no product {productId}; its new item variants were not added.");
        if (product.Value<bool>("hasOnlyDefaultVariant")) return new ProductOptions(ProductSetInput.VariantOptionName, true, null);
        var names = product["options"]?.Select(o => o.Value<string>("name") ?? "").ToList() ?? [];
        return names.Count == 1
            ? new ProductOptions(names[0], false, null)
            : new ProductOptions(null, false,
                $"the product has {names.Count} options in Shopify ({string.Join(", ", names)}), so its new item variants were not added: " +
                "add them in Shopify admin and map them with Set-ShopifySkuMapping");
    }
}
