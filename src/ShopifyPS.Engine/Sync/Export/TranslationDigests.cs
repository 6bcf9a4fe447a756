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

    /// <summary>The digests of the <paramref name="count"/> products <paramref name="productIds"/>, in a scratch file
    /// (<see cref="DigestTable"/>). The ids are enumerated only below the bulk threshold, 250 at a time; from it the bulk
    /// query reads every product of the shop, and a product not asked for is never looked up.</summary>
    internal static async Task<DigestTable> ReadAsync(ShopifyClient client, IEnumerable<string> productIds, int count,
        CancellationToken cancellationToken)
    {
        var digests = new DigestTable();
        try
        {
            if (count >= BulkReadThreshold)
            {
                await foreach (var record in new BulkQueryRunner(client).RunAsync("BulkTranslatableContent", cancellationToken).ConfigureAwait(false))
                    digests.Add(record.Data);
                return digests;
            }
            foreach (var chunk in productIds.Take(count).Chunk(PerCall))
            {
                var response = await client.ExecuteAsync("TranslatableContent", new JObject { ["ids"] = new JArray(chunk) }, cancellationToken).ConfigureAwait(false);
                foreach (var node in response.Data.SelectToken("translatableResourcesByIds.nodes")?.Children<JObject>() ?? []) digests.Add(node);
            }
            return digests;
        }
        catch
        {
            digests.Dispose();
            throw;
        }
    }
}
