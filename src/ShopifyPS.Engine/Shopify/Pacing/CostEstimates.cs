using System.Collections.Concurrent;

namespace ShopifyPS.Shopify;

/// <summary>
/// The cost to reserve for a document: the highest requested cost Shopify has reported for it in this
/// process (it depends on page sizes in the variables, so the highest is the safe guess), or the
/// document's declared <c># cost:</c> before the first answer.
/// </summary>
internal static class CostEstimates
{
    private static readonly ConcurrentDictionary<string, int> Learned = new(StringComparer.Ordinal);

    public static int For(QueryDocument document) =>
        Learned.TryGetValue(document.Name, out var learned) ? learned : document.ExpectedCost;

    public static void Learn(QueryDocument document, int? requestedCost)
    {
        // A THROTTLED answer may report 0 when Shopify did not cost the query; that teaches nothing.
        if (requestedCost is not > 0) return;
        Learned.AddOrUpdate(document.Name, requestedCost.Value, (_, old) => Math.Max(old, requestedCost.Value));
    }
}
