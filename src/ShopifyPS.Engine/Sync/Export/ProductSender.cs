using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Creates planned products: one productSet each (by handle), or all of them as the lines of one bulk mutation, then
/// publishes them to the profile's publications and registers their translations (<see cref="TranslationSender"/>). Before anything is sent each create is marked pending; a create
/// still marked (the run before was killed, or an answer was lost) first looks its handle up and, when Shopify has the
/// product, continues with its ids: sent again, productSet would replace every variant and inventory item of it (on
/// an existing product a variant without id is a new one). Each product is recorded (<see cref="ProductLinks"/>)
/// before its result is reported, so a run that stops half-way keeps every product it finished.
/// </summary>
internal sealed class ProductSender(ShopSession context)
{
    private readonly ProductReader _reader = new(context.Client);
    private IConnectorStore Connector => context.Store.Connector;
    private string Shop => context.Profile.Name;

    public async IAsyncEnumerable<SyncResult> SendAsync(IReadOnlyList<PlannedProduct> plans, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var publications = await PublicationIds.ResolveAsync(context.Client, context.Profile, cancellationToken).ConfigureAwait(false);
        var collections = await CollectionIds.ResolveAsync(context.Client, context.Profile, cancellationToken).ConfigureAwait(false);
        if ((publications.Problem ?? collections.Problem) is { } problem)
        {
            foreach (var plan in plans) yield return Failed(plan, problem + " No product was created.");
            yield break;
        }
        // New products join the profile's collections in their productSet (no call of their own).
        if (collections.Ids.Count > 0)
            foreach (var plan in plans) plan.JoinCollections(collections.Ids);
        var created = new List<(PlannedProduct Plan, ShopifyProduct Product, bool Found)>();
        var failed = new List<SyncResult>();
        var toCreate = new List<PlannedProduct>();
        foreach (var plan in plans)
        {
            var found = Connector.GetHash(Shop, ContentKind.PendingCreate, plan.Handle) is null ? null
                : await FindAsync(plan, cancellationToken).ConfigureAwait(false);
            if (found is null) toCreate.Add(plan);
            else created.Add((plan, found, true));
        }
        MarkPending(toCreate);

        if (toCreate.Count >= ProductExportJob.BulkThreshold)
        {
            // Each answer becomes its product as it streams in, so the answers are never all held at once.
            var outcomes = MutationCalls.StreamAsync(context, "ProductSet", toCreate.Select(p => p.Variables).ToList(), cancellationToken);
            await foreach (var (i, outcome) in outcomes.ConfigureAwait(false))
            {
                if (outcome.Succeeded && outcome.Payload!["product"] is JObject node)
                    created.Add((toCreate[i], await _reader.CompleteAsync(node, cancellationToken).ConfigureAwait(false), false));
                else failed.Add(Refused(toCreate[i], outcome.Problems));
            }
        }
        else
        {
            for (var i = 0; i < toCreate.Count; i++)
            {
                context.Progress.Report(RunEvent.Progress($"Creating product {i + 1} of {toCreate.Count}", i, toCreate.Count));
                var (product, found, refused) = await CreateAsync(toCreate[i], cancellationToken).ConfigureAwait(false);
                if (product is not null) created.Add((toCreate[i], product, found));
                else failed.Add(refused!);
            }
        }
        foreach (var (plan, product, found) in created) ProductLinks.Save(Connector, Shop, product, plan.Draft, found);
        foreach (var result in failed) yield return result;

        var publishProblems = new MutationOutcome[created.Count];
        if (publications.Ids.Count > 0 && created.Count > 0)
            publishProblems = await MutationCalls.SendAsync(context, "PublishablePublish", created.Select(c => new JObject
            {
                ["id"] = c.Product.Id,
                ["input"] = new JArray(publications.Ids.Select(id => new JObject { ["publicationId"] = id })),
            }).ToList(), cancellationToken).ConfigureAwait(false);
        var translations = await TranslationSender.SendAsync(context, created.Where(c => c.Plan.Draft.Translations.Count > 0)
            .Select(c => new ProductTranslationChanges(c.Product.Id, TranslationPlan.ForCreate(c.Plan.Draft))).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < created.Count; i++)
        {
            var (plan, product, found) = created[i];
            var what = found
                ? $"Found product '{product.Title}' ({product.Status}, handle {product.Handle}), which an interrupted run or an unanswered create had made, and linked it with its {product.Variants.Count} variant(s)"
                : $"Created product '{product.Title}' ({product.Status}, handle {product.Handle}) with {product.Variants.Count} variant(s)";
            var published = publications.Ids.Count == 0 ? "" : $"; published to {string.Join(", ", context.Profile.Items.Publications)}";
            var locales = plan.Draft.Translations.Select(t => t.Locale).Distinct().ToList();
            var translated = locales.Count == 0 ? "" : $"; translated into {string.Join(", ", locales)}";
            yield return publishProblems[i] is { Succeeded: false } refused
                ? new SyncResult(SyncAction.Failed, plan.ItemNo, "", product.Id, "",
                    $"{what}, but Shopify refused to publish it: {string.Join("; ", refused.Problems)}. Publish it in Shopify admin.", errorId: ErrorCatalog.UserError)
                : translations.TryGetValue(product.Id, out var untranslated)
                ? new SyncResult(SyncAction.Failed, plan.ItemNo, "", product.Id, "",
                    $"{what}{published}, but Shopify refused its translations: {string.Join("; ", untranslated)}. The next Sync-ShopifyProduct sends them again.", errorId: ErrorCatalog.UserError)
                : new SyncResult(SyncAction.Created, plan.ItemNo, "", product.Id, "", what + published + translated + ".");
        }
    }

    /// <summary>One productSet; when its answer is lost, the product is looked up by handle before anything else.</summary>
    private async Task<(ShopifyProduct? Product, bool Found, SyncResult? Refused)> CreateAsync(PlannedProduct plan, CancellationToken cancellationToken)
    {
        MutationPayload payload;
        try
        {
            payload = (await context.Client.ExecuteAsync("ProductSet", plan.Variables, cancellationToken).ConfigureAwait(false)).Payload();
        }
        catch (ShopifyException ex) when (ex is not ShopifyUserErrorException && !cancellationToken.IsCancellationRequested)
        {
            var found = await FindAsync(plan, cancellationToken).ConfigureAwait(false);
            return found is not null ? (found, true, null) : (null, false, Failed(plan, $"The create was not answered ({ex.Message}) and Shopify has no product with handle {plan.Handle}; run Add-ShopifyItem again."));
        }
        return payload.Succeeded && payload.Data["product"] is JObject node
            ? (await _reader.CompleteAsync(node, cancellationToken).ConfigureAwait(false), false, null)
            : (null, false, Refused(plan, payload.UserErrors.Select(e => e.ToString()).ToList()));
    }

    private async Task<ShopifyProduct?> FindAsync(PlannedProduct plan, CancellationToken cancellationToken)
    {
        var response = await context.Client.ExecuteAsync("ProductByHandle",
            new JObject { ["handle"] = plan.Handle, ["variantsFirst"] = Math.Clamp(plan.Draft.Variants.Count, 1, 250) }, cancellationToken).ConfigureAwait(false);
        return response.Data["productByIdentifier"] is JObject node ? await _reader.CompleteAsync(node, cancellationToken).ConfigureAwait(false) : null;
    }

    private void MarkPending(IReadOnlyList<PlannedProduct> plans)
    {
        using var transaction = Connector.BeginTransaction();
        foreach (var plan in plans) Connector.SetHash(Shop, ContentKind.PendingCreate, plan.Handle, plan.ItemNo);
        transaction.Commit();
    }

    private static SyncResult Refused(PlannedProduct plan, IReadOnlyList<string> problems) =>
        Failed(plan, "Shopify refused the product: " + (problems.Count > 0 ? string.Join("; ", problems) : "no product was returned."), ErrorCatalog.UserError);

    private static SyncResult Failed(PlannedProduct plan, string message, ErrorId? error = null) => new(SyncAction.Failed, plan.ItemNo, "", "", "", message, errorId: error);
}
