using System.Collections;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>The answer to one call of a batch: the mutation's payload, and why it failed (userErrors, errors).</summary>
internal sealed record MutationOutcome(JObject? Payload, IReadOnlyList<UserError> UserErrors, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Payload is not null && Problems.Count == 0;
}

/// <summary>
/// Sends calls of one document: one request each, or — from <see cref="ProductExportJob.BulkThreshold"/> calls on —
/// the same variables as the lines of one bulk mutation (outside the points budget).
/// </summary>
internal static class MutationCalls
{
    /// <summary>Every call's outcome, in input order.</summary>
    public static async Task<MutationOutcome[]> SendAsync(ShopSession context, string document, IReadOnlyList<JToken> calls, CancellationToken cancellationToken)
    {
        var outcomes = new MutationOutcome[calls.Count];
        await foreach (var (index, outcome) in StreamAsync(context, document, calls, calls.Count, cancellationToken).ConfigureAwait(false)) outcomes[index] = outcome;
        return outcomes;
    }

    /// <summary>Each call's outcome with the call's index as soon as it is known (a bulk mutation's in the order Shopify
    /// wrote them), so a caller keeps what it needs of each answer rather than every answer at once. The <paramref name="count"/>
    /// calls are enumerated once, as they are sent (a bulk mutation's as its JSONL is written), so they need not be in memory.</summary>
    public static async IAsyncEnumerable<(int Index, MutationOutcome Outcome)> StreamAsync(ShopSession context, string document, IEnumerable<JToken> calls,
        int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (count >= ProductExportJob.BulkThreshold)
        {
            context.Progress.Report(RunEvent.Verbose($"Sending {count} {document} calls as one bulk mutation (from {ProductExportJob.BulkThreshold} on)."));
            var answered = new BitArray(count);
            await foreach (var line in new BulkMutationRunner(context.Client).RunAsync(document, calls.Take(count), null, cancellationToken).ConfigureAwait(false))
            {
                if (line.LineNumber < 0 || line.LineNumber >= count || answered[line.LineNumber]) continue;
                answered[line.LineNumber] = true;
                yield return (line.LineNumber, new MutationOutcome(line.Payload, line.UserErrors,
                    line.Errors.Select(e => e.ToString()).Concat(line.UserErrors.Select(e => e.ToString())).ToList()));
            }
            for (var i = 0; i < count; i++)
                if (!answered[i]) yield return (i, new MutationOutcome(null, [], ["The bulk operation returned no result for this call; run the sync again."]));
            yield break;
        }
        var index = 0;
        foreach (var call in calls.Take(count))
        {
            var payload = (await context.Client.ExecuteAsync(document, call, cancellationToken).ConfigureAwait(false)).Payload();
            yield return (index++, new MutationOutcome(payload.Data, payload.UserErrors, payload.UserErrors.Select(e => e.ToString()).ToList()));
        }
    }
}
