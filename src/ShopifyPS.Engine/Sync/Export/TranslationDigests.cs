using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Shopify's digests of products' translatable content, which translationsRegister needs: a translation is registered
/// against the digest of the source text it translates, and a source text changed in Shopify has a new digest. Up to
/// <see cref="BulkReadThreshold"/> products are read 250 a call (translatableResourcesByIds, about 2 points a product);
/// from there one bulk query reads every product's (outside the points budget, a few calls whatever the size).
/// </summary>
public static class TranslationDigests
{
    public const int PerCall = 250;

    /// <summary>From this many products the read is one bulk query: four calls of 502 points use a Standard shop's
    /// whole bucket (2,000), while a bulk query costs a run, a few polls and the download.</summary>
    public const int BulkReadThreshold = 1000;

    /// <summary>The reads of <paramref name="products"/> products' digests, polls of a bulk query left out.</summary>
    public static int Reads(int products) => products == 0 ? 0 : products >= BulkReadThreshold ? 1 : (products + PerCall - 1) / PerCall;

    /// <summary>Per product id: key → digest, for the keys Shopify has source text for. A product Shopify does not
    /// have is absent.</summary>
    internal static async Task<Dictionary<string, Dictionary<string, string>>> ReadAsync(ShopifyClient client, IReadOnlyList<string> productIds,
        CancellationToken cancellationToken)
    {
        var wanted = productIds.ToHashSet(StringComparer.Ordinal);
        var digests = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (wanted.Count >= BulkReadThreshold)
        {
            await foreach (var record in new BulkQueryRunner(client).RunAsync("BulkTranslatableContent", cancellationToken).ConfigureAwait(false))
                if (wanted.Contains(record.Data.Value<string>("resourceId") ?? "")) Add(digests, record.Data);
            return digests;
        }
        foreach (var chunk in wanted.Chunk(PerCall))
        {
            var response = await client.ExecuteAsync("TranslatableContent", new JObject { ["ids"] = new JArray(chunk) }, cancellationToken).ConfigureAwait(false);
            foreach (var node in response.Data.SelectToken("translatableResourcesByIds.nodes")?.Children<JObject>() ?? []) Add(digests, node);
        }
        return digests;
    }

    /// <summary>Keeps the digests of the keys ShopifyPS registers only (title and body): a product has more translatable
    /// keys (handle, product type, SEO), and a run holds the digests of every product it reads.</summary>
    private static void Add(Dictionary<string, Dictionary<string, string>> digests, JObject resource) =>
        digests[resource.Value<string>("resourceId") ?? ""] = (resource["translatableContent"] as JArray ?? [])
            .Where(c => c.Value<string>("digest") is { Length: > 0 } && c.Value<string>("key") is ProductTranslations.TitleKey or ProductTranslations.BodyKey)
            .ToDictionary(c => c.Value<string>("key") ?? "", c => c.Value<string>("digest")!, StringComparer.Ordinal);
}
