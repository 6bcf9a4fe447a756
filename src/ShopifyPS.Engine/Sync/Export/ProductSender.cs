using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Creates planned products: one productSet each (by handle), or all of them as the lines of one bulk mutation, then
/// publishes them to the profile's publications and registers their translations (<see cref="TranslationSender"/>). The plans wait in a scratch file (<see cref="CreatePlans"/>), from
/// which the bulk mutation's JSONL is written and each answer finds its plan by line number; the products created are
/// written there too and published from there, and their translations wait in another (<see cref="PendingTranslations"/>),
/// so memory does not grow with the number of products. Before anything
/// is sent each create is marked pending; a create still marked (the run before was killed, or an answer was lost)
/// first looks its handle up and, when Shopify has the product, continues with its ids: sent again, productSet would
/// replace every variant and inventory item of it (on an existing product a variant without id is a new one). Each
/// product is recorded (<see cref="ProductLinks"/>) as soon as its answer comes, so a run that stops half-way keeps
/// every product it finished.
/// </summary>
internal sealed class ProductSender(ShopSession context, int bufferSize) : IDisposable
{
    private readonly ProductReader _reader = new(context.Client);
    private readonly CreatePlans _plans = new(bufferSize);
    // The translations of the products created, registered after the creates (when the profile syncs languages).
    private readonly PendingTranslations _translations = new(bufferSize);
    private IReadOnlyList<string>? _publications;
    private IReadOnlyList<string> _collections = [];
    private string? _problem;
    private IConnectorStore Connector => context.Store.Connector;
    private string Shop => context.Profile.Name;

    /// <summary>The most plans held in memory at once.</summary>
    public int MostPlansHeld => _plans.MostHeld;

    /// <summary>The most created products' translations held in memory at once.</summary>
    public int MostTranslationsHeld => _translations.MostHeld;

    /// <summary>Takes one product to create (the first reads the shop's publications and collections). A product a run
    /// before may have created already is linked now when Shopify has it. A result only when it cannot be created.</summary>
    public async Task<SyncResult?> AddAsync(ProductDraft draft, JObject variables, CancellationToken cancellationToken)
    {
        if (_publications is null)
        {
            var publications = await PublicationIds.ResolveAsync(context.Client, context.Profile, cancellationToken).ConfigureAwait(false);
            var collections = await CollectionIds.ResolveAsync(context.Client, context.Profile, cancellationToken).ConfigureAwait(false);
            (_publications, _collections, _problem) = (publications.Ids, collections.Ids, publications.Problem ?? collections.Problem);
        }
        if (_problem is not null) return Failed(draft.ItemNo, _problem + " No product was created.");
        // New products join the profile's collections in their productSet (no call of their own).
        if (_collections.Count > 0) variables["input"]!["collections"] = new JArray(_collections);
        var plan = new PlannedProduct(draft, new JRaw(variables.ToString(Formatting.None)));
        var found = Connector.GetHash(Shop, ContentKind.PendingCreate, plan.Handle) is null ? null
            : await FindAsync(plan, cancellationToken).ConfigureAwait(false);
        if (found is null) _plans.Add(plan);
        else Link(plan, found, found: true);
        return null;
    }

    /// <summary>Creates the products taken, then publishes them and the ones found.</summary>
    public async IAsyncEnumerable<SyncResult> SendAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_publications is null) yield break;
        MarkPending();
        if (_plans.Count >= ProductExportJob.BulkThreshold)
        {
            var outcomes = MutationCalls.StreamAsync(context, "ProductSet", _plans.Variables(), _plans.Count, cancellationToken);
            await foreach (var (i, outcome) in outcomes.ConfigureAwait(false))
            {
                var plan = _plans.Plan(i);
                if (outcome.Succeeded && outcome.Payload!["product"] is JObject node)
                    Link(plan, await _reader.CompleteAsync(node, cancellationToken).ConfigureAwait(false), found: false);
                else yield return Refused(plan.ItemNo, outcome.Problems);
            }
        }
        else
        {
            for (var i = 0; i < _plans.Count; i++)
            {
                context.Progress.Report(RunEvent.Progress($"Creating product {i + 1} of {_plans.Count}", i, _plans.Count));
                var plan = _plans.Plan(i);
                var (product, found, refused) = await CreateAsync(plan, cancellationToken).ConfigureAwait(false);
                if (product is not null) Link(plan, product, found);
                else yield return refused!;
            }
        }
        await TranslationSender.SendAsync(context, _translations, cancellationToken).ConfigureAwait(false);
        await foreach (var result in PublishAsync(cancellationToken).ConfigureAwait(false)) yield return result;
    }

    public void Dispose()
    {
        _plans.Dispose();
        _translations.Dispose();
    }

    /// <summary>Publishes the created products, reading their ids from the scratch file as the calls go out.</summary>
    private async IAsyncEnumerable<SyncResult> PublishAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var publications = _publications!;
        if (publications.Count == 0)
        {
            for (var i = 0; i < _plans.CreatedCount; i++) yield return Result(_plans.Created(i), null);
            yield break;
        }
        var calls = _plans.CreatedIds().Select(id => (JToken)new JObject
        {
            ["id"] = id,
            ["input"] = new JArray(publications.Select(p => new JObject { ["publicationId"] = p })),
        });
        await foreach (var (i, outcome) in MutationCalls.StreamAsync(context, "PublishablePublish", calls, _plans.CreatedCount, cancellationToken).ConfigureAwait(false))
            yield return Result(_plans.Created(i), outcome);
    }

    private SyncResult Result(CreatedProduct created, MutationOutcome? published)
    {
        if (published is { Succeeded: false })
            return new SyncResult(SyncAction.Failed, created.ItemNo, "", created.ProductId, "",
                $"{created.What}, but Shopify refused to publish it: {string.Join("; ", published.Problems)}. Publish it in Shopify admin.", errorId: ErrorCatalog.UserError);
        var what = created.What + (published is null ? "" : $"; published to {string.Join(", ", context.Profile.Items.Publications)}");
        return _translations.Refused(created.ProductId) is { } untranslated
            ? new SyncResult(SyncAction.Failed, created.ItemNo, "", created.ProductId, "",
                $"{what}, but Shopify refused its translations: {string.Join("; ", untranslated)}. The next Sync-ShopifyProduct sends them again.", errorId: ErrorCatalog.UserError)
            : new SyncResult(SyncAction.Created, created.ItemNo, "", created.ProductId, "",
                what + (created.Locales.Length > 0 ? $"; translated into {created.Locales}" : "") + ".");
    }

    /// <summary>Records the product and keeps it for publishing.</summary>
    private void Link(PlannedProduct plan, ShopifyProduct product, bool found)
    {
        ProductLinks.Save(Connector, Shop, product, plan.Draft, found);
        _translations.Add(product.Id, TranslationPlan.ForCreate(plan.Draft));
        _plans.AddCreated(plan.ItemNo, product.Id, string.Join(", ", plan.Draft.Translations.Select(t => t.Locale).Distinct()), found
            ? $"Found product '{product.Title}' ({product.Status}, handle {product.Handle}), which an interrupted run or an unanswered create had made, and linked it with its {product.Variants.Count} variant(s)"
            : $"Created product '{product.Title}' ({product.Status}, handle {product.Handle}) with {product.Variants.Count} variant(s)");
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
            return found is not null ? (found, true, null) : (null, false, Failed(plan.ItemNo, $"The create was not answered ({ex.Message}) and Shopify has no product with handle {plan.Handle}; run Add-ShopifyItem again."));
        }
        return payload.Succeeded && payload.Data["product"] is JObject node
            ? (await _reader.CompleteAsync(node, cancellationToken).ConfigureAwait(false), false, null)
            : (null, false, Refused(plan.ItemNo, payload.UserErrors.Select(e => e.ToString()).ToList()));
    }

    private async Task<ShopifyProduct?> FindAsync(PlannedProduct plan, CancellationToken cancellationToken)
    {
        var response = await context.Client.ExecuteAsync("ProductByHandle",
            new JObject { ["handle"] = plan.Handle, ["variantsFirst"] = Math.Clamp(plan.Draft.Variants.Count, 1, 250) }, cancellationToken).ConfigureAwait(false);
        return response.Data["productByIdentifier"] is JObject node ? await _reader.CompleteAsync(node, cancellationToken).ConfigureAwait(false) : null;
    }

    private void MarkPending()
    {
        using var transaction = Connector.BeginTransaction();
        foreach (var itemNo in _plans.ItemNos()) Connector.SetHash(Shop, ContentKind.PendingCreate, ProductSetInput.Handle(itemNo), itemNo);
        transaction.Commit();
    }

    private static SyncResult Refused(string itemNo, IReadOnlyList<string> problems) =>
        Failed(itemNo, "Shopify refused the product: " + (problems.Count > 0 ? string.Join("; ", problems) : "no product was returned."), ErrorCatalog.UserError);

    private static SyncResult Failed(string itemNo, string message, ErrorId? error = null) => new(SyncAction.Failed, itemNo, "", "", "", message, errorId: error);
}
