using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>Reads metafields on request only (they cost a point per metafield and per owner, so product reads leave
/// them out): a product's (all, or the mapped keys an import needs) and its variants'.</summary>
public static class ProductMetafields
{
    /// <summary>Metafields read per product or variant when no keys are given.</summary>
    public const int PerOwner = 25;

    /// <summary>Fills <see cref="ShopifyProduct.Metafields"/>: those of <paramref name="keys"/> ("namespace.key"), or the first 25.</summary>
    public static async Task ReadProductAsync(ShopifyClient client, ShopifyProduct product, IReadOnlyList<string>? keys, CancellationToken cancellationToken)
    {
        var variables = new JObject
        {
            ["id"] = product.Id,
            ["first"] = keys is { Count: > 0 } ? keys.Count : PerOwner,
            ["keys"] = keys is { Count: > 0 } ? new JArray(keys) : null,
        };
        var response = await client.ExecuteAsync("ProductMetafields", variables, cancellationToken).ConfigureAwait(false);
        product.Metafields = ShopifyMetafield.From(response.Data["product"]?["metafields"]);
    }

    /// <summary>Fills <see cref="ShopifyVariant.Metafields"/> of every variant (the first 25 each), 25 variants a call.</summary>
    public static async Task ReadVariantsAsync(ShopifyClient client, ShopifyProduct product, CancellationToken cancellationToken)
    {
        var byId = product.Variants.ToDictionary(v => v.Id);
        var variables = new JObject { ["id"] = product.Id, ["first"] = PerOwner, ["after"] = null };
        await foreach (var node in client.PageAsync("VariantMetafields", variables, "product.variants", cancellationToken).ConfigureAwait(false))
            if (byId.TryGetValue(node.Value<string>("id") ?? "", out var variant)) variant.Metafields = ShopifyMetafield.From(node["metafields"]);
    }
}
