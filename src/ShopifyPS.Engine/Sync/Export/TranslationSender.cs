using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;

namespace ShopifyPS.Sync.Export;

/// <summary>The translations of one product an export registers.</summary>
internal sealed record ProductTranslationChanges(string ProductId, IReadOnlyList<TranslationChange> Changes);

/// <summary>
/// Registers translations: translationsRegister takes one resource a call, so one call per product with every locale
/// and key of it (or one bulk mutation of them from the bulk threshold on, <see cref="MutationCalls"/>). Changes whose
/// source text is new in this run (created products, sent titles and descriptions) first get the digest Shopify now
/// has (<see cref="TranslationDigests"/>, 250 products a read). The changes, the digests and the calls wait in scratch
/// files (<see cref="PendingTranslations"/>, <see cref="DigestTable"/>), so memory does not grow with the number of
/// products. What Shopify accepted is recorded at once; why it refused a product's is kept with the pending translations.
/// </summary>
internal static class TranslationSender
{
    public static async Task SendAsync(ShopSession context, PendingTranslations pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        using (var digests = pending.Unread == 0 ? null
                   : await TranslationDigests.ReadAsync(context.Client, pending.UnreadIds(), pending.Unread, cancellationToken).ConfigureAwait(false))
            foreach (var (productId, changes) in pending.Products())
            {
                var read = changes.Any(c => c.Digest is null) ? digests!.Of(productId) : null;
                var calls = changes
                    .Select(c => c.Digest is not null ? c : read!.GetValueOrDefault(c.Key) is { } digest ? c with { Digest = digest } : null)
                    .OfType<TranslationChange>().ToList();
                if (calls.Count > 0) pending.AddCall(productId, calls);
            }
        if (pending.CallCount == 0) return;

        // The variables are built as the calls go out (and as the bulk mutation's lines are written), not all at once.
        var variables = pending.Calls().Select(c => (JToken)new JObject
        {
            ["resourceId"] = c.ProductId,
            ["translations"] = new JArray(c.Changes.Select(t => new JObject
            {
                ["locale"] = t.Locale, ["key"] = t.Key, ["value"] = t.New, ["translatableContentDigest"] = t.Digest,
            })),
        });

        var connector = context.Store.Connector;
        var shop = context.Profile.Name;
        await foreach (var (i, outcome) in MutationCalls.StreamAsync(context, "TranslationsRegister", variables, pending.CallCount, cancellationToken).ConfigureAwait(false))
        {
            var (productId, changes) = pending.Call(i);
            // Shopify does not say whether a call it refused in part kept the rest, so a refused call records nothing
            // and the next run sends all of it again (registering a translation twice changes nothing).
            if (!outcome.Succeeded)
            {
                pending.Refuse(productId, outcome.Problems.DefaultIfEmpty("no answer").Select(p => $"TranslationsRegister: {p}").ToList());
                continue;
            }
            using var transaction = connector.BeginTransaction();
            TranslationPlan.Record(connector, shop, productId, changes);
            transaction.Commit();
        }
    }
}
