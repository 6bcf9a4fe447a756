using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// The options new variants go under. Item variants go under the product's own option (a merchandiser may have renamed
/// "Variant" to "Size"), or "Variant" when the product has only Shopify's default variant; a product with two or three
/// options gets none: an item variant gives one value, and guessing the others would put wrong variants on a live
/// product. With units as variants, the product must have exactly the options ShopifyPS gives such products ("Variant"
/// and the unit option, or the unit option alone), in any case.
/// </summary>
internal sealed record ProductOptions(IReadOnlyList<string> Names, bool OnlyDefaultVariant, string? Problem, IReadOnlyList<string>? Ids = null)
{
    public static async Task<ProductOptions> ReadAsync(ShopifyClient client, string productId, CancellationToken cancellationToken)
    {
        var response = await client.ExecuteAsync("ProductOptions", new JObject { ["id"] = productId }, cancellationToken).ConfigureAwait(false);
        if (response.Data["product"] is not JObject product)
            return new ProductOptions([], false, $"Shopify has no product {productId}; its new item variants were not added.");
        var options = product["options"]?.ToList() ?? [];
        return new ProductOptions(options.Select(o => o.Value<string>("name") ?? "").ToList(), product.Value<bool>("hasOnlyDefaultVariant"), null,
            options.Select(o => o.Value<string>("id") ?? "").ToList());
    }

    /// <summary>The option names the draft's new variants go under, in the product's order and spelling, or the problem.</summary>
    public (IReadOnlyList<string>? Names, string? Problem) For(ProductDraft draft)
    {
        if (Problem is not null) return (null, Problem);
        if (draft.UnitOptionName is null)
            return OnlyDefaultVariant ? ([ProductSetInput.VariantOptionName], null)
                : Names.Count == 1 ? (Names, null)
                : (null, $"the product has {Names.Count} options in Shopify ({string.Join(", ", Names)}), so its new item variants were not added: " +
                    "add them in Shopify admin and map them with Set-ShopifySkuMapping");
        var expected = ProductSetInput.OptionNames(draft);
        if (OnlyDefaultVariant) return (expected, null);
        return Names.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase) ? (Names, null)
            : (null, $"the product's options in Shopify ({string.Join(", ", Names)}) are not the ones units of measure as variants need " +
                $"({string.Join(", ", expected)}), so its new variants were not added: add them in Shopify admin and map them with Set-ShopifySkuMapping");
    }
}
