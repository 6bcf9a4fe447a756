using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Sends planned products: one ProductSet call each, or all of them as the lines of one bulk mutation of the same
/// document. Each product Shopify accepted is recorded (<see cref="ProductLinks"/>) before its result is reported,
/// so a run that stops half-way keeps every product it finished; one that is started again upserts the rest by
/// their handles instead of creating them twice.
/// </summary>
internal sealed class ProductSender(ShopSession context)
{
    private readonly ProductReader _reader = new(context.Client);

    public async IAsyncEnumerable<SyncResult> SendEachAsync(IReadOnlyList<PlannedProduct> plans, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < plans.Count; i++)
        {
            context.Progress.Report(RunEvent.Progress($"Sending product {i + 1} of {plans.Count}", i, plans.Count));
            var response = await context.Client.ExecuteAsync("ProductSet", plans[i].Variables, cancellationToken).ConfigureAwait(false);
            var payload = response.Payload();
            yield return await RecordAsync(plans[i], payload.Data["product"] as JObject, payload.UserErrors.Select(e => e.ToString()), cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<SyncResult> SendBulkAsync(IReadOnlyList<PlannedProduct> plans, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        context.Progress.Report(RunEvent.Verbose($"Sending {plans.Count} products as one bulk mutation (from {ProductExportJob.BulkThreshold} products on)."));
        var answered = new bool[plans.Count];
        var lines = new BulkMutationRunner(context.Client).RunAsync("ProductSet", plans.Select(p => (object)p.Variables), null, cancellationToken);
        await foreach (var line in lines.ConfigureAwait(false))
        {
            if (line.LineNumber < 0 || line.LineNumber >= plans.Count) continue;
            answered[line.LineNumber] = true;
            var problems = line.Errors.Select(e => e.ToString()).Concat(line.UserErrors.Select(e => e.ToString()));
            yield return await RecordAsync(plans[line.LineNumber], line.Payload?["product"] as JObject, problems, cancellationToken).ConfigureAwait(false);
        }
        for (var i = 0; i < plans.Count; i++)
            if (!answered[i]) yield return Failed(plans[i], "The bulk operation returned no result for this product; run the sync again.");
    }

    private async Task<SyncResult> RecordAsync(PlannedProduct plan, JObject? node, IEnumerable<string> problems, CancellationToken cancellationToken)
    {
        var refused = problems.ToList();
        if (refused.Count > 0 || node is null)
            return Failed(plan, "Shopify refused the product: " + (refused.Count > 0 ? string.Join("; ", refused) : "no product was returned."));
        var product = await _reader.CompleteAsync(node, cancellationToken).ConfigureAwait(false);
        ProductLinks.Save(context.Store.Connector, context.Profile.Name, product, plan.Draft, plan.Hash);
        return plan.Existing is null
            ? new SyncResult(SyncAction.Created, plan.ItemNo, "", product.Id, "",
                $"Created product '{product.Title}' ({product.Status}, handle {product.Handle}) with {product.Variants.Count} variant(s).")
            : new SyncResult(SyncAction.Updated, plan.ItemNo, "", product.Id, "", $"Updated product '{product.Title}': {plan.Why}.");
    }

    private static SyncResult Failed(PlannedProduct plan, string message) =>
        new(SyncAction.Failed, plan.ItemNo, "", plan.Existing?.Id ?? "", "", message);
}
