using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>
/// Reads products with all their variants: pages of <see cref="PageSize"/> products with their first
/// <see cref="VariantsPerProduct"/> variants (Products.graphql), completing any product with more
/// variants through ProductVariants.graphql. The page sizes keep the requested cost of a page below
/// Shopify's single-query limit of 1000 points.
/// </summary>
public sealed class ProductReader
{
    private const int MaxPageSize = 250;
    private readonly ShopifyClient _client;

    public ProductReader(ShopifyClient client, int pageSize = 20, int variantsPerProduct = 10)
    {
        _client = client;
        PageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        VariantsPerProduct = Math.Clamp(variantsPerProduct, 1, MaxPageSize);
    }

    public int PageSize { get; }
    public int VariantsPerProduct { get; }

    /// <summary>How many products match (Shopify counts exactly up to 10,000; above that the count is a lower bound).</summary>
    public async Task<long> CountAsync(string? query, CancellationToken cancellationToken = default)
    {
        var response = await _client.ExecuteAsync("ProductsCount", new { query }, cancellationToken).ConfigureAwait(false);
        return response.Data["productsCount"]?.Value<long?>("count") ?? 0;
    }

    /// <summary>Every product matching <paramref name="query"/> (Shopify search syntax; null for all), in id order.</summary>
    public async IAsyncEnumerable<ShopifyProduct> ListAsync(string? query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var variables = new JObject
        {
            ["first"] = PageSize,
            ["after"] = null,
            ["query"] = query,
            ["variantsFirst"] = VariantsPerProduct,
        };
        await foreach (var node in _client.PageAsync("Products", variables, "products", cancellationToken).ConfigureAwait(false))
            yield return await CompleteAsync(node, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The product with this id (a gid or the numeric id), or null when the shop has none.</summary>
    public async Task<ShopifyProduct?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await _client.ExecuteAsync("Product", new { id = ProductGid(id), variantsFirst = VariantsPerProduct }, cancellationToken).ConfigureAwait(false);
        return response.Data["product"] is JObject node ? await CompleteAsync(node, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The products that have a variant whose SKU is exactly <paramref name="sku"/> (ignoring case, as Shopify's search does).</summary>
    public async IAsyncEnumerable<ShopifyProduct> FindBySkuAsync(string sku, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var product in ListAsync("sku:" + SearchValue(sku), cancellationToken).ConfigureAwait(false))
            if (product.Variants.Any(v => string.Equals(v.Sku, sku, StringComparison.OrdinalIgnoreCase)))
                yield return product;
    }

    /// <summary>A product gid from a gid or a numeric id; anything else is refused with what was expected.</summary>
    public static string ProductGid(string id)
    {
        const string prefix = "gid://shopify/Product/";
        var trimmed = id.Trim();
        if (long.TryParse(trimmed, out var number) && number > 0) return prefix + number;
        if (trimmed.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(trimmed[prefix.Length..], out _)) return trimmed;
        throw new ArgumentException($"'{id}' is not a product id. Expected gid://shopify/Product/<number> or the number alone.", nameof(id));
    }

    /// <summary>A value for Shopify's search syntax, quoted so spaces, colons and quotes stay part of it.</summary>
    public static string SearchValue(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A product node (ProductFields with a first page of variants, as a query or a mutation returns it) as a
    /// <see cref="ShopifyProduct"/>, with the rest of its variants read when there are more.</summary>
    internal async Task<ShopifyProduct> CompleteAsync(JObject node, CancellationToken cancellationToken)
    {
        var productId = node.Value<string>("id") ?? "";
        var variantPage = node["variants"] as JObject ?? new JObject();
        var variants = CursorPaging.Nodes(variantPage).Select(v => new ShopifyVariant(productId, v)).ToList();
        if (variantPage["pageInfo"]?.Value<bool?>("hasNextPage") == true)
        {
            var rest = new JObject
            {
                ["productId"] = productId,
                ["first"] = MaxPageSize,
                ["after"] = variantPage["pageInfo"]!.Value<string>("endCursor"),
            };
            await foreach (var v in _client.PageAsync("ProductVariants", rest, "product.variants", cancellationToken).ConfigureAwait(false))
                variants.Add(new ShopifyVariant(productId, v));
        }
        return new ShopifyProduct(_client.Profile.Name, node, variants);
    }
}
