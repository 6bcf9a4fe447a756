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
/// with syncItem ToShopify (E11, updates linked products whose content or prices changed, and applies
/// actionForRemovedProducts to those whose item was removed or blocked, S5). Each product is one <c>productSet</c>
/// carrying all its variants; from <see cref="BulkThreshold"/> products on, the same lines go as one bulk mutation.
/// Items are read in batches, and everything is planned before the first request, so items that cannot be exported
/// are reported before anything is sent.
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
    }

    private IErpStore Erp => _context.Store.Erp;
    private IConnectorStore Connector => _context.Store.Connector;

    /// <summary>E1: creates a product for each selected item that is not linked to one yet.</summary>
    public async IAsyncEnumerable<SyncResult> AddItemsAsync(ItemSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _context.RefuseWhenOutgoingRequestsOff("ProductSet");
        var (items, notFound) = selection.Resolve(Erp);
        foreach (var no in notFound)
            yield return Result(SyncAction.Skipped, no, "", $"No item '{no}' in the item store.");

        var handles = LinkedHandles();
        var plans = new List<PlannedProduct>();
        var done = 0;
        foreach (var batch in items.Chunk(ExportDataReader.BatchSize))
        {
            foreach (var item in new ExportDataReader(Erp).Read(batch))
            {
                var no = item.Item.No;
                var linked = Connector.ProductsOfItem(_shop, no).FirstOrDefault(p => !p.Removed);
                var handle = ProductSetInput.Handle(no);
                if (linked is not null)
                    yield return Result(SyncAction.Skipped, no, linked.Id,
                        $"Item {no} is already linked to product {linked.Id}; Add-ShopifyItem creates no second product. Sync-ShopifyProduct updates it.");
                else if (handles.TryGetValue(handle, out var other) && other != no)
                    yield return Skip(no, "", $"The product handle '{handle}' of item {no} is already taken by item {other}'s product. Link the item by hand.");
                else
                {
                    var (plan, result) = Plan(item, existing: null, tags: [], force: false);
                    if (result is not null) yield return result;
                    if (plan is null) continue;
                    handles[handle] = no;
                    plans.Add(plan);
                }
                Report(++done, items.Count, "Planning");
            }
        }
        await foreach (var result in ExecuteAsync(plans, cancellationToken).ConfigureAwait(false)) yield return result;
    }

    /// <summary>E11 and S5: updates the linked products (of the items matching <paramref name="itemNos"/>, when given).</summary>
    public async IAsyncEnumerable<SyncResult> SyncLinkedAsync(IReadOnlyList<string> itemNos, bool force, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _context.RefuseWhenOutgoingRequestsOff("ProductSet");
        var patterns = itemNos.Select(n => new ItemNoPattern(n)).ToList();
        var linked = Connector.Products(_shop).Where(p => p.ItemNo.Length > 0 && !p.Removed && ItemNoPattern.AnyMatch(patterns, p.ItemNo)).ToList();
        var plans = new List<PlannedProduct>();
        var done = 0;
        foreach (var batch in linked.Chunk(ExportDataReader.BatchSize))
        {
            var items = Erp.RowsIn(ErpTables.Items, "No", batch.Select(p => p.ItemNo).ToList());
            var data = new ExportDataReader(Erp).Read(items.Where(i => !i.Blocked).ToList()).ToDictionary(d => d.Item.No);
            var byNo = items.ToDictionary(i => i.No);
            foreach (var product in batch)
            {
                Report(++done, linked.Count, "Planning");
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
                var (plan, result) = Plan(data[item.No], product, ProductTags.Split(product.Tags), force);
                if (result is not null) yield return result;
                if (plan is not null) plans.Add(plan);
            }
        }
        await foreach (var result in ExecuteAsync(plans, cancellationToken).ConfigureAwait(false)) yield return result;
    }

    /// <summary>Builds and prices the product; null plan with a result when there is nothing to send.</summary>
    private (PlannedProduct? Plan, SyncResult? Result) Plan(ExportItem item, ShopProduct? existing, IReadOnlyList<string> tags, bool force)
    {
        var no = item.Item.No;
        var productId = existing?.Id ?? "";
        if (ProductBuilder.CannotExportReason(item.Data) is { } reason) return (null, Skip(no, productId, reason));

        var draft = ProductBuilder.Build(item.Data, _context.Profile.Items, _context.Today);
        try
        {
            foreach (var variant in draft.Variants)
            {
                var price = _prices.Calculate(item.PriceInputs(variant.VariantCode));
                (variant.Price, variant.CompareAtPrice, variant.UnitCost) = (price.Price, price.CompareAtPrice, price.UnitCost);
            }
        }
        catch (PriceCalculationException ex)
        {
            return (null, Result(SyncAction.Failed, no, productId, ex.Message));
        }
        foreach (var (code, skipped) in draft.SkippedVariants) AddSkipped(no, productId, $"Item variant {no}/{code}", skipped);

        var content = ProductSetInput.Content(draft, tags);
        var hash = ProductSetInput.Hash(content);
        if (existing is null)
        {
            var input = ProductSetInput.ForCreate(content, draft);
            return (new PlannedProduct
            {
                Draft = draft, Hash = hash, Tags = tags,
                Variables = ProductSetInput.Variables(input, new JObject { ["handle"] = input["handle"] }, draft.Variants.Count),
            }, null);
        }

        var known = Connector.VariantsOfProduct(_shop, existing.Id);
        var priceChanges = PriceChanges(draft, known);
        var why = force ? "-Force" : existing.ContentHash != hash ? "the content changed since the last sync" : priceChanges;
        if (why.Length == 0) return (null, Result(SyncAction.Unchanged, no, existing.Id, "Nothing changed since the last sync."));
        var byOption = known.Where(v => v.ItemNo == no)
            .Select(v => (Value: draft.Variants.FirstOrDefault(d => d.VariantCode == v.VariantCode) is { } d ? ProductSetInput.OptionValue(draft, d) : null, v.Id))
            .Where(v => v.Value is not null)
            .DistinctBy(v => v.Value)
            .ToDictionary(v => v.Value!, v => v.Id, StringComparer.OrdinalIgnoreCase);
        return (new PlannedProduct
        {
            Draft = draft, Existing = existing, Hash = hash, Tags = tags, Why = why,
            Variables = ProductSetInput.Variables(ProductSetInput.ForUpdate(content, byOption), new JObject { ["id"] = existing.Id }, draft.Variants.Count),
        }, null);
    }

    /// <summary>"prices changed: S price 2999.00 → 2699.00", or "" when every variant's prices were sent as they are.</summary>
    private string PriceChanges(ProductDraft draft, IReadOnlyList<ShopVariant> known)
    {
        var changes = new List<string>();
        foreach (var variant in draft.Variants)
        {
            var linked = known.FirstOrDefault(v => v.ItemNo == draft.ItemNo && v.VariantCode == variant.VariantCode);
            var sent = linked is null ? null : VariantPrices.Parse(Connector.GetHash(_shop, ContentKind.Variant, linked.Id));
            var now = VariantPrices.From(variant);
            if (now != sent) changes.Add($"{ProductSetInput.OptionValue(draft, variant)} {string.Join(", ", now.Changes(sent))}");
        }
        return changes.Count == 0 ? "" : "prices changed: " + string.Join("; ", changes);
    }

    private async IAsyncEnumerable<SyncResult> ExecuteAsync(List<PlannedProduct> plans, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (plans.Count == 0) yield break;
        var sender = new ProductSender(_context);
        var results = _context.WhatIf ? DescribeAsync(plans, cancellationToken)
            : plans.Count >= BulkThreshold ? sender.SendBulkAsync(plans, cancellationToken)
            : sender.SendEachAsync(plans, cancellationToken);
        await foreach (var result in results.ConfigureAwait(false)) yield return result;
    }

    /// <summary>-WhatIf: what would be created, or what would change in the product as Shopify has it now (a read, no write).</summary>
    private async IAsyncEnumerable<SyncResult> DescribeAsync(List<PlannedProduct> plans, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new ProductReader(_context.Client, variantsPerProduct: 50);
        foreach (var plan in plans)
        {
            if (plan.Existing is null)
            {
                yield return Result(SyncAction.Created, plan.ItemNo, "", ProductPlanText.Create(plan.Draft));
                continue;
            }
            var current = await reader.GetAsync(plan.Existing.Id, cancellationToken).ConfigureAwait(false);
            var changes = current is null ? [] : ProductPlanText.Changes(current, plan.Draft, plan.Tags);
            var message = current is null
                ? $"Would update product {plan.Existing.Id} ({plan.Why}), but Shopify has no such product: the update would fail."
                : changes.Count == 0
                    ? $"Would send product {plan.Existing.Id} again ({plan.Why}); the fields Shopify shows already match (the change is in cost, weight or tax code)."
                    : $"Would update product {plan.Existing.Id} ({plan.Why}): {string.Join("; ", changes)}.";
            yield return Result(SyncAction.Updated, plan.ItemNo, plan.Existing.Id, message);
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
            return Result(SyncAction.Failed, product.ItemNo, product.Id, $"{why}, but Shopify refused the status change: {ex.Message}");
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

    /// <summary>The handles of the products already linked to items, so a new item whose handle would be the same
    /// (item nos. that differ only in punctuation or case) is not upserted onto another item's product.</summary>
    private Dictionary<string, string> LinkedHandles()
    {
        var handles = new Dictionary<string, string>();
        foreach (var product in Connector.Products(_shop).Where(p => p.ItemNo.Length > 0 && !p.Removed))
            handles.TryAdd(ProductSetInput.Handle(product.ItemNo), product.ItemNo);
        return handles;
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

    private SyncResult Result(SyncAction action, string itemNo, string productId, string message) =>
        new(action, itemNo, "", productId, "", message, _context.WhatIf);
}
