using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Shopify;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Items → Shopify products: Add-ShopifyItem (E1, creates products for items not yet linked) and Sync-ShopifyProduct
/// with syncItem ToShopify (E11, updates linked products whose managed fields or prices changed, and applies
/// actionForRemovedProducts to those whose item was removed or blocked, S5). A create is one <c>productSet</c> carrying
/// all its variants, stocked at the default product locations and then published; an update sends only the fields
/// whose ERP value changed since ShopifyPS last sent them (<see cref="ProductUpdate"/>). From <see cref="BulkThreshold"/>
/// calls of a kind on, the same lines go as one bulk mutation. Items are read in batches. Every create is planned
/// before the first is sent, so items that cannot be exported are reported before anything is created; the plans wait
/// in a scratch file rather than in memory (<see cref="ProductSender"/>). Updates go <see cref="UpdateBatch"/> at a time.
/// </summary>
public sealed class ProductExportJob
{
    /// <summary>From this many products one bulk mutation replaces the single calls: Business Central's threshold, and
    /// about where the bulk operation's fixed overhead (staged upload, polling) costs less than the calls' points.</summary>
    public const int BulkThreshold = 100;

    private readonly ShopSession _context;
    private readonly PriceEngine _prices;
    private readonly string _shop;

    /// <exception cref="PriceCalculationException">The shop's price setup (currency, exchange rate, customer template) is unusable.</exception>
    public ProductExportJob(ShopSession context)
    {
        _context = context;
        _shop = context.Profile.Name;
        _prices = PriceEngine.ForShop(context);
        _stock = new DefaultLocationStock(context.Profile, context.Store.Erp);
    }

    private readonly DefaultLocationStock _stock;

    /// <summary>How many planned creates are held in memory before they go to the run's scratch file.</summary>
    internal int PlanBufferSize { get; init; } = ExportDataReader.BatchSize;

    /// <summary>The most planned creates the last <see cref="AddItemsAsync"/> held in memory at once.</summary>
    internal int MostPlansHeld { get; private set; }

    /// <summary>The most created products' translations the last <see cref="AddItemsAsync"/> held in memory at once
    /// (they wait in the scratch file like the plans, with the same buffer).</summary>
    internal int MostTranslationsHeld { get; private set; }

    /// <summary>How many planned updates are sent together: one bulk mutation per document carries them (from
    /// <see cref="BulkThreshold"/> on), and no more than these are held in memory.</summary>
    public const int UpdateBatch = 1000;

    /// <summary><see cref="UpdateBatch"/>, smaller in tests.</summary>
    internal int UpdateBatchSize { get; init; } = UpdateBatch;

    /// <summary>The most planned updates <see cref="SyncLinkedAsync"/> held in memory at once.</summary>
    internal int MostUpdatesHeld { get; private set; }

    private IErpStore Erp => _context.Store.Erp;
    private IConnectorStore Connector => _context.Store.Connector;

    /// <summary>E1: creates a product for each selected item that is not linked to one yet.</summary>
    public async IAsyncEnumerable<SyncResult> AddItemsAsync(ItemSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _context.RefuseWhenOutgoingRequestsOff("ProductSet");
        var (items, notFound) = selection.Resolve(Erp);
        foreach (var no in notFound)
            yield return Result(SyncAction.Skipped, no, "", $"No item '{no}' in the item store.");

        using var handles = new HandleOwners(Connector.Products(_shop).Where(p => p.ItemNo.Length > 0 && !p.Removed).Select(p => p.ItemNo));
        using var sender = new ProductSender(_context, PlanBufferSize);
        var done = 0;
        foreach (var batch in items.Chunk(ExportDataReader.BatchSize))
        {
            foreach (var item in new ExportDataReader(Erp).Read(Rows(batch)))
            {
                var no = item.Item.No;
                var linked = Connector.ProductsOfItem(_shop, no).FirstOrDefault(p => !p.Removed);
                var handle = ProductSetInput.Handle(no);
                if (linked is not null)
                    yield return Result(SyncAction.Skipped, no, linked.Id,
                        $"Item {no} is already linked to product {linked.Id}; Add-ShopifyItem creates no second product. Sync-ShopifyProduct updates it.");
                else if (handles.OwnerOf(handle) is { } other && other != no)
                    yield return Skip(no, "", $"The product handle '{handle}' of item {no} is already taken by item {other}'s product. Link the item by hand.");
                else
                {
                    var (draft, result) = Build(item, "");
                    if (result is not null) yield return result;
                    if (draft is null) continue;
                    handles.Claim(handle, no);
                    if (_context.WhatIf)
                        yield return Result(SyncAction.Created, no, "", ProductPlanText.Create(draft, _context.Profile.Items.Publications, _stock, item.Item));
                    else
                    {
                        var input = ProductSetInput.ForCreate(ProductSetInput.Content(draft, []), draft,
                            _stock.Any ? v => _stock.ProductSetQuantities(item.Item, v) : null);
                        var variables = ProductSetInput.Variables(input, new JObject { ["handle"] = handle }, draft.Variants.Count);
                        if (await sender.AddAsync(draft, variables, cancellationToken).ConfigureAwait(false) is { } failed) yield return failed;
                    }
                }
                Report(++done, items.Count, "Planning");
            }
        }
        await foreach (var result in sender.SendAsync(cancellationToken).ConfigureAwait(false)) yield return result;
        MostPlansHeld = sender.MostPlansHeld;
        MostTranslationsHeld = sender.MostTranslationsHeld;
    }

    /// <summary>Add-ShopifyItem -AsVariantOf: adds each selected item to product <paramref name="productId"/> as a variant
    /// of it (<see cref="ItemAsVariant"/>), priced and checked as an export.</summary>
    public async IAsyncEnumerable<SyncResult> AddAsVariantsAsync(ItemSelection selection, string productId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _context.RefuseWhenOutgoingRequestsOff("ProductVariantsBulkCreate");
        var (items, notFound) = selection.Resolve(Erp);
        foreach (var no in notFound)
            yield return Result(SyncAction.Skipped, no, productId, $"No item '{no}' in the item store.");
        var drafts = new List<(ProductDraft, Item)>();
        foreach (var batch in items.Chunk(ExportDataReader.BatchSize))
            foreach (var item in new ExportDataReader(Erp).Read(Rows(batch)))
            {
                var (draft, result) = Build(item, productId);
                if (result is not null) yield return result;
                if (draft is not null) drafts.Add((draft, item.Item));
            }
        if (drafts.Count == 0) yield break;
        await foreach (var result in new ItemAsVariant(_context, _stock).AddAsync(productId, drafts, cancellationToken).ConfigureAwait(false)) yield return result;
    }

    /// <summary>E11 and S5: updates the linked products (of the items matching <paramref name="itemNos"/>, when given). The
    /// linked products are read page by page and the updates sent every <see cref="UpdateBatchSize"/> products, so memory
    /// is bounded by a page and a batch, not by the catalog.</summary>
    public async IAsyncEnumerable<SyncResult> SyncLinkedAsync(IReadOnlyList<string> itemNos, bool force, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _context.RefuseWhenOutgoingRequestsOff("ProductSet");
        var patterns = itemNos.Select(n => new ItemNoPattern(n)).ToList();
        bool Synced(ShopProduct p) => p.ItemNo.Length > 0 && !p.Removed && ItemNoPattern.AnyMatch(patterns, p.ItemNo);
        // With languages, the synced products' translation digests are read before the pages (one bulk query from the
        // threshold on) into a scratch file, where each product's are looked up when its turn comes.
        var total = Connector.Products(_shop).Count(Synced);
        using var digests = total > 0 && _context.Profile.Languages.Any(l => l.SyncTranslations)
            ? await TranslationDigests.ReadAsync(_context.Client, Connector.Products(_shop).Where(Synced).Select(p => p.Id), total, cancellationToken).ConfigureAwait(false)
            : null;
        var updates = new List<ProductUpdate>();
        var done = 0;
        for (var page = Connector.Products(_shop, null, ExportDataReader.BatchSize); page.Count > 0; page = Connector.Products(_shop, page[^1].Id, ExportDataReader.BatchSize))
        {
            var batch = page.Where(Synced).ToList();
            var items = Erp.RowsIn(ErpTables.Items, "No", batch.Select(p => p.ItemNo).ToList());
            var data = new ExportDataReader(Erp).Read(items.Where(i => !i.Blocked).ToList()).ToDictionary(d => d.Item.No);
            var byNo = items.ToDictionary(i => i.No);
            foreach (var product in batch)
            {
                Report(++done, total, "Planning");
                if (!byNo.TryGetValue(product.ItemNo, out var item))
                {
                    yield return await RetireAsync(product, removed: true, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (item.Blocked)
                {
                    yield return await RetireAsync(product, removed: false, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var (update, result) = PlanUpdate(data[item.No], product, force, digests?.Of(product.Id) ?? []);
                if (result is not null) yield return result;
                if (update is null) continue;
                updates.Add(update);
                MostUpdatesHeld = Math.Max(MostUpdatesHeld, updates.Count);
                if (updates.Count < UpdateBatchSize) continue;
                await foreach (var sent in SendAsync(updates, cancellationToken).ConfigureAwait(false)) yield return sent;
                updates.Clear();
            }
        }
        await foreach (var sent in SendAsync(updates, cancellationToken).ConfigureAwait(false)) yield return sent;
    }

    private async IAsyncEnumerable<SyncResult> SendAsync(List<ProductUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (updates.Count == 0) yield break;
        var results = _context.WhatIf ? DescribeAsync(updates, cancellationToken) : new ProductUpdateSender(_context, _stock).SendAsync(updates, cancellationToken);
        await foreach (var result in results.ConfigureAwait(false)) yield return result;
    }

    /// <summary>A batch of the selected items, read when its turn comes (in item no. order).</summary>
    private List<Item> Rows(string[] itemNos) => Erp.RowsIn(ErpTables.Items, "No", itemNos).OrderBy(i => i.No, StringComparer.Ordinal).ToList();

    /// <summary>Builds and prices the product; a null draft with a result when it cannot be exported.</summary>
    private (ProductDraft? Draft, SyncResult? Result) Build(ExportItem item, string productId)
    {
        var no = item.Item.No;
        if (ProductBuilder.CannotExportReason(item.Data, _context.Profile.Items) is { } reason) return (null, Skip(no, productId, reason));
        if (_context.Profile.Items.SyncHsCodeAndCountry && CustomsData.Problem(item.Item) is { } customs)
            return (null, Result(SyncAction.Failed, no, productId, $"Item {no}: {customs}"));

        var draft = ProductBuilder.Build(item.Data, _context.Profile.Items, _context.Today);
        ProductTranslations.Fill(draft, item.Data, _context.Profile, _context.Today);
        if (MetafieldValues.Fill(draft, item.Data, _context.Profile.Items.Metafields) is { } metafield)
            return (null, Result(SyncAction.Failed, no, productId, $"Item {no}: {metafield}"));
        try
        {
            foreach (var variant in draft.Variants)
            {
                var price = _prices.Calculate(item.PriceInputs(variant.VariantCode, variant.Unit));
                (variant.Price, variant.CompareAtPrice, variant.UnitCost) = (price.Price, price.CompareAtPrice, price.UnitCost);
            }
        }
        catch (PriceCalculationException ex)
        {
            return (null, Result(SyncAction.Failed, no, productId, ex.Message, ex.Error));
        }
        foreach (var (code, skipped) in draft.SkippedVariants) AddSkipped(no, productId, $"Item variant {no}/{code}", skipped);
        return (draft, null);
    }

    /// <summary>Plans the update of a linked product; a null update with a result when nothing is to be sent. A product
    /// or variant ShopifyPS has no record of is adopted: its record starts from the ERP's values now (written here,
    /// except under -WhatIf), and only later changes are sent.</summary>
    private (ProductUpdate? Update, SyncResult? Result) PlanUpdate(ExportItem item, ShopProduct existing, bool force, IReadOnlyDictionary<string, string> digests)
    {
        var (draft, result) = Build(item, existing.Id);
        if (draft is null) return (null, result);
        var update = ProductUpdate.Plan(Connector, existing, draft, item.Item, ProductTags.Split(existing.Tags), force, _context.Profile.Items.ActionForRemovedVariants);
        update.Metafields.AddRange(MetafieldPlan.Changes(Connector, existing, draft, _context.Profile.Items.Metafields, force));
        var translations = TranslationPlan.Changes(Connector, existing, draft, digests, update.Fields.Select(f => f.Field).ToList(), force);
        if (update.AdoptedProduct && !force)
        {
            if (!_context.WhatIf) TranslationPlan.Adopt(Connector, _shop, existing.Id, translations);
        }
        else update.Translations.AddRange(translations);
        if (update.SendsAnything) return (update, null);
        var notes = update.Notes.Count == 0 ? "" : " (" + string.Join("; ", update.Notes) + ")";
        if (!update.AdoptedProduct && update.Adopted.Count == 0)
            return (null, Result(SyncAction.Unchanged, draft.ItemNo, existing.Id, "Nothing changed since the last sync." + notes));
        if (!_context.WhatIf)
        {
            using var transaction = Connector.BeginTransaction();
            update.Sent.SaveProduct(Connector, _shop, existing.Id);
            foreach (var (variant, record) in update.Adopted) record.SaveVariant(Connector, _shop, variant.Id);
            transaction.Commit();
        }
        return (null, Result(SyncAction.Unchanged, draft.ItemNo, existing.Id,
            "ShopifyPS had no record of what it sent to this product; from now on it sends the fields it manages when their ERP value changes. Nothing was sent (-Force sends them all)." + notes));
    }

    /// <summary>-WhatIf: exactly the fields each update would send, from what ShopifyPS last sent to the ERP's value now.
    /// New variants are placed under the product's own option, which is read (a query, never a mutation).</summary>
    private async IAsyncEnumerable<SyncResult> DescribeAsync(List<ProductUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var update in updates)
        {
            var lines = update.Describe().ToList();
            if (update.NewVariants.Count > 0)
            {
                var options = await ProductOptions.ReadAsync(_context.Client, update.Product.Id, cancellationToken).ConfigureAwait(false);
                var (names, problem) = options.For(update.Draft);
                lines.Add(names is not null ? $"new variants go under option '{string.Join("', '", names)}'" : problem!);
            }
            var notes = update.Notes.Count == 0 ? "" : " (" + string.Join("; ", update.Notes) + ")";
            yield return Result(SyncAction.Updated, update.Draft.ItemNo, update.Product.Id, $"Would update product {update.Product.Id}: {string.Join("; ", lines)}.{notes}");
        }
    }

    /// <summary>S5: a product whose item was removed (then no longer synced) or is blocked gets the status of actionForRemovedProducts.</summary>
    private async Task<SyncResult> RetireAsync(ShopProduct product, bool removed, CancellationToken cancellationToken)
    {
        var action = _context.Profile.Items.ActionForRemovedProducts;
        var target = RemovalStatus.Target(action);
        var why = removed ? $"Item {product.ItemNo} was removed from the item store" : $"Item {product.ItemNo} is blocked";
        if (!removed && (target is null || product.Status == target))
        {
            // Business Central's wording for a blocked item that has nothing left to do.
            var reason = target is null ? "Item is blocked." : target == ProductStatus.Archived ? "Shopify product is archived." : "Shopify product is in draft status.";
            return Skip(product.ItemNo, product.Id, reason);
        }
        var after = removed ? "; the product is no longer synced." : ".";
        if (target is null || product.Status == target)
        {
            if (!_context.WhatIf) MarkRemoved(product);
            return Result(SyncAction.Unchanged, product.ItemNo, product.Id,
                $"{why}: the product is left {product.Status.ToString().ToUpperInvariant()} in Shopify (actionForRemovedProducts {action}){after}");
        }
        var change = $"status {product.Status.ToString().ToUpperInvariant()} → {target.Value.ToString().ToUpperInvariant()} (actionForRemovedProducts {action})";
        if (_context.WhatIf) return Result(SyncAction.Updated, product.ItemNo, product.Id, $"{why}: would set {change}{after}");
        try
        {
            await RemovalStatus.SetAsync(_context.Client, product.Id, target.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (ShopifyUserErrorException ex)
        {
            return Result(SyncAction.Failed, product.ItemNo, product.Id, $"{why}, but Shopify refused the status change: {ex.Message}", ex.Error);
        }
        product.Status = target.Value;
        if (removed) MarkRemoved(product);
        else Connector.SaveProduct(product);
        return Result(SyncAction.Updated, product.ItemNo, product.Id, $"{why}: {change}{after}");
    }

    private void MarkRemoved(ShopProduct product)
    {
        product.Removed = true;
        Connector.SaveProduct(product);
    }

    private SyncResult Skip(string itemNo, string productId, string reason)
    {
        AddSkipped(itemNo, productId, $"Item {itemNo}", reason);
        return Result(SyncAction.Skipped, itemNo, productId, reason);
    }

    private void AddSkipped(string itemNo, string productId, string description, string reason)
    {
        if (_context.WhatIf) return;
        Connector.AddSkipped(new SkippedRecord
        {
            Shop = _shop, ShopifyId = productId, ItemNo = itemNo, RecordType = "Item", Description = description, Reason = reason,
        });
    }

    private void Report(int done, int total, string what) =>
        _context.Progress.Report(RunEvent.Progress($"{what}: {done} of {total}", done, total));

    private SyncResult Result(SyncAction action, string itemNo, string productId, string message, ErrorId? error = null) =>
        new(action, itemNo, "", productId, "", message, _context.WhatIf, error);
}
