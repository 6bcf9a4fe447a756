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
/// the same variables as the lines of one bulk mutation (outside the points budget). Outcomes come back in input order.
/// </summary>
internal static class MutationCalls
{
    public static async Task<MutationOutcome[]> SendAsync(ShopSession context, string document, IReadOnlyList<JObject> calls, CancellationToken cancellationToken)
    {
        var outcomes = new MutationOutcome[calls.Count];
        if (calls.Count >= ProductExportJob.BulkThreshold)
        {
            context.Progress.Report(RunEvent.Verbose($"Sending {calls.Count} {document} calls as one bulk mutation (from {ProductExportJob.BulkThreshold} on)."));
            await foreach (var line in new BulkMutationRunner(context.Client).RunAsync(document, calls, null, cancellationToken).ConfigureAwait(false))
            {
                if (line.LineNumber < 0 || line.LineNumber >= calls.Count) continue;
                outcomes[line.LineNumber] = new MutationOutcome(line.Payload, line.UserErrors,
                    line.Errors.Select(e => e.ToString()).Concat(line.UserErrors.Select(e => e.ToString())).ToList());
            }
            for (var i = 0; i < calls.Count; i++)
                outcomes[i] ??= new MutationOutcome(null, [], ["The bulk operation returned no result for this call; run the sync again."]);
            return outcomes;
        }
        for (var i = 0; i < calls.Count; i++)
        {
            var payload = (await context.Client.ExecuteAsync(document, calls[i], cancellationToken).ConfigureAwait(false)).Payload();
            outcomes[i] = new MutationOutcome(payload.Data, payload.UserErrors, payload.UserErrors.Select(e => e.ToString()).ToList());
        }
        return outcomes;
    }
}
