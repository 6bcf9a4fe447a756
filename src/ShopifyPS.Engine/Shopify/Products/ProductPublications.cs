using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>
/// The sales channels products are published to, for Get-ShopifyProduct: one query per <see cref="PerCall"/> products,
/// kept out of the product reads the syncs share so that their cost does not grow. A channel is named by its catalog's
/// title (a 2026-04 Publication has no name), else by its id; the first 25 channels of a product are read.
/// </summary>
public static class ProductPublications
{
    /// <summary>Products per query: 10 products of 25 channels each stay under Shopify's 1,000-point query limit.</summary>
    public const int PerCall = 10;

    /// <summary>The products as they come, each with <see cref="ShopifyProduct.PublishedOn"/> filled, a batch at a time.</summary>
    public static async IAsyncEnumerable<ShopifyProduct> WithPublicationsAsync(ShopifyClient client, IAsyncEnumerable<ShopifyProduct> products,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<ShopifyProduct>(PerCall);
        await foreach (var product in products.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(product);
            if (batch.Count < PerCall) continue;
            await FillAsync(client, batch, cancellationToken).ConfigureAwait(false);
            foreach (var done in batch) yield return done;
            batch.Clear();
        }
        if (batch.Count == 0) yield break;
        await FillAsync(client, batch, cancellationToken).ConfigureAwait(false);
        foreach (var done in batch) yield return done;
    }

    public static async Task FillAsync(ShopifyClient client, IReadOnlyList<ShopifyProduct> products, CancellationToken cancellationToken)
    {
        for (var start = 0; start < products.Count; start += PerCall)
        {
            var batch = products.Skip(start).Take(PerCall).ToList();
            var response = await client.ExecuteAsync("ProductPublications", new JObject { ["ids"] = new JArray(batch.Select(p => p.Id)) }, cancellationToken).ConfigureAwait(false);
            var channels = (response.Data["nodes"] as JArray ?? []).OfType<JObject>().ToDictionary(
                n => n.Value<string>("id") ?? "",
                n => (IReadOnlyList<string>)(n.SelectToken("resourcePublicationsV2.nodes") as JArray ?? [])
                    .Select(p => p.SelectToken("publication.catalog.title")?.ToString() is { Length: > 0 } title ? title : p.SelectToken("publication.id")?.ToString() ?? "")
                    .Where(name => name.Length > 0).ToList(),
                StringComparer.Ordinal);
            foreach (var product in batch) product.PublishedOn = channels.GetValueOrDefault(product.Id) ?? [];
        }
    }
}
