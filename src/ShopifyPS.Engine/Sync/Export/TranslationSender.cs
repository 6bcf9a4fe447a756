using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;

namespace ShopifyPS.Sync.Export;

/// <summary>The translations of one product an export registers.</summary>
internal sealed record ProductTranslationChanges(string ProductId, IReadOnlyList<TranslationChange> Changes);

/// <summary>
/// Registers translations: translationsRegister takes one resource a call, so one call per product with every locale
/// and key of it (or one bulk mutation of them from the bulk threshold on, <see cref="MutationCalls"/>). Changes whose
/// source text is new in this run (created products, sent titles and descriptions) first get the digest Shopify now
/// has (<see cref="TranslationDigests"/>, 250 products a read). What Shopify accepted is recorded at once.
/// </summary>
internal static class TranslationSender
{
    /// <summary>Returns, per product id, why Shopify refused (part of) its translations; a product without any is absent.</summary>
    public static async Task<Dictionary<string, List<string>>> SendAsync(ShopSession context, IReadOnlyList<ProductTranslationChanges> products,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unread = products.Where(p => p.Changes.Any(c => c.Digest is null)).Select(p => p.ProductId).ToList();
        var digests = unread.Count == 0 ? [] : await TranslationDigests.ReadAsync(context.Client, unread, cancellationToken).ConfigureAwait(false);
        var calls = products
            .Select(p => (p.ProductId, Changes: p.Changes
                .Select(c => c.Digest is not null ? c : digests.GetValueOrDefault(p.ProductId)?.GetValueOrDefault(c.Key) is { } digest ? c with { Digest = digest } : null)
                .OfType<TranslationChange>().ToList()))
            .Where(p => p.Changes.Count > 0)
            .ToList();
        if (calls.Count == 0) return problems;

        // The variables are built as the calls go out (and as the bulk mutation's lines are written), not all at once.
        var variables = calls.Select(c => (JToken)new JObject
        {
            ["resourceId"] = c.ProductId,
            ["translations"] = new JArray(c.Changes.Select(t => new JObject
            {
                ["locale"] = t.Locale, ["key"] = t.Key, ["value"] = t.New, ["translatableContentDigest"] = t.Digest,
            })),
        });

        var connector = context.Store.Connector;
        var shop = context.Profile.Name;
        await foreach (var (i, outcome) in MutationCalls.StreamAsync(context, "TranslationsRegister", variables, calls.Count, cancellationToken).ConfigureAwait(false))
        {
            var (productId, changes) = calls[i];
            // Shopify does not say whether a call it refused in part kept the rest, so a refused call records nothing
            // and the next run sends all of it again (registering a translation twice changes nothing).
            if (!outcome.Succeeded)
            {
                problems[productId] = outcome.Problems.DefaultIfEmpty("no answer").Select(p => $"TranslationsRegister: {p}").ToList();
                continue;
            }
            using var transaction = connector.BeginTransaction();
            TranslationPlan.Record(connector, shop, productId, changes);
            transaction.Commit();
        }
        return problems;
    }
}
