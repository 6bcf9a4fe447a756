using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Shopify;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Sync.Prices;

/// <summary>
/// Sync-ShopifyPrice (P1–P4): the price, compare-at price and cost of every linked variant, sent only where they
/// differ from what was last sent (<see cref="VariantPrices"/>), and then only the fields that differ. One
/// productVariantsBulkUpdate per product with changes; from <see cref="BulkThreshold"/> such products on, the same
/// lines go as one bulk mutation.
/// </summary>
public sealed class PriceSyncJob
{
    /// <summary>From this many products with changed prices, one bulk mutation replaces the single calls (as in Business Central).</summary>
    public const int BulkThreshold = 100;

    public const string BlockedItemReason = "Variant price is not synchronized because the item is blocked or sales blocked: clear Blocked and SalesBlocked in the ERP, or with Set-ShopifyItem -Blocked $false -SalesBlocked $false.";
    public const string BlockedVariantReason = "Variant price is not synchronized because the item variant is blocked or sales blocked: clear its Blocked flag in the ERP, or in the variants passed to Set-ShopifyItem -Variants.";

    private readonly ShopSession _context;
    private readonly PriceEngine _prices;
    private readonly string _shop;

    /// <exception cref="PriceCalculationException">The shop's price setup (currency, exchange rate, customer template) is unusable.</exception>
    public PriceSyncJob(ShopSession context)
    {
        _context = context;
        _shop = context.Profile.Name;
        _prices = PriceEngine.ForShop(context);
    }

    private IConnectorStore Connector => _context.Store.Connector;

    /// <summary>One changed variant: what to send and what to record once Shopify took it.</summary>
    private sealed record Change(ShopVariant Variant, VariantPrices Prices, JObject Input, string Message);

    public async IAsyncEnumerable<SyncResult> RunAsync(IReadOnlyList<string> itemNos, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _context.RefuseWhenOutgoingRequestsOff("ProductVariantsBulkUpdate");
        var patterns = itemNos.Select(n => new ItemNoPattern(n)).ToList();
        var products = Connector.Products(_shop).Where(p => p.ItemNo.Length > 0 && !p.Removed && ItemNoPattern.AnyMatch(patterns, p.ItemNo)).ToList();
        var changes = new List<List<Change>>();
        foreach (var batch in products.Chunk(ExportDataReader.BatchSize))
        {
            var variants = batch.SelectMany(p => Connector.VariantsOfProduct(_shop, p.Id)).Where(v => v.ItemNo.Length > 0).ToList();
            var items = _context.Store.Erp.RowsIn(ErpTables.Items, "No", variants.Select(v => v.ItemNo).ToList());
            var data = new ExportDataReader(_context.Store.Erp).Read(items).ToDictionary(d => d.Item.No);
            foreach (var ofProduct in variants.GroupBy(v => v.ProductId))
            {
                var changed = new List<Change>();
                foreach (var variant in ofProduct)
                {
                    var (change, result) = Compare(variant, data.GetValueOrDefault(variant.ItemNo));
                    if (result is not null) yield return result;
                    if (change is not null) changed.Add(change);
                }
                if (changed.Count > 0) changes.Add(changed);
            }
        }

        var sent = _context.WhatIf ? Planned(changes)
            : changes.Count >= BulkThreshold ? SendBulkAsync(changes, cancellationToken)
            : SendEachAsync(changes, cancellationToken);
        await foreach (var result in sent.ConfigureAwait(false)) yield return result;
    }

    private (Change? Change, SyncResult? Result) Compare(ShopVariant variant, ExportItem? item)
    {
        if (item is null)
            return (null, Result(SyncAction.Skipped, variant, $"Item {variant.ItemNo} is not in the item store; Sync-ShopifyProduct applies actionForRemovedProducts."));
        if (item.Item.Blocked || item.Item.SalesBlocked) return (null, Result(SyncAction.Skipped, variant, BlockedItemReason));
        if (variant.VariantCode.Length > 0 && item.Data.Variants.FirstOrDefault(v => v.Code == variant.VariantCode) is not { Blocked: false })
            return (null, Result(SyncAction.Skipped, variant, BlockedVariantReason));

        var (unit, unitProblem) = ItemUnits.OfVariant(item.Item, item.Data.Units, variant.UnitOfMeasure);
        if (unit is null) return (null, Result(SyncAction.Skipped, variant, unitProblem!));

        PriceResult price;
        try
        {
            price = _prices.Calculate(item.PriceInputs(variant.VariantCode, unit));
        }
        catch (PriceCalculationException ex)
        {
            return (null, Result(SyncAction.Failed, variant, ex.Message, ex.Error));
        }
        var now = VariantPrices.From(price);
        var old = VariantPrices.Parse(Connector.GetHash(_shop, ContentKind.Variant, variant.Id));
        if (now == old) return (null, Result(SyncAction.Unchanged, variant, "Prices unchanged since they were last sent."));

        // Only the fields that changed; all three when nothing was recorded as sent.
        var input = new JObject { ["id"] = variant.Id };
        if (old?.Price != now.Price) input["price"] = ProductSetInput.Money(now.Price);
        if (old is null || old.CompareAtPrice != now.CompareAtPrice)
            input["compareAtPrice"] = now.CompareAtPrice is { } c ? ProductSetInput.Money(c) : null;
        if (old?.UnitCost != now.UnitCost) input["inventoryItem"] = new JObject { ["cost"] = ProductSetInput.Money(now.UnitCost) };
        return (new Change(variant, now, input, string.Join(", ", now.Changes(old)) + $" ({price.CurrencyCode})"), null);
    }

    private async IAsyncEnumerable<SyncResult> Planned(List<List<Change>> changes)
    {
        foreach (var change in changes.SelectMany(c => c))
            yield return Result(SyncAction.Updated, change.Variant, "Would update " + change.Message + ".");
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static JObject Variables(List<Change> ofProduct) => new()
    {
        ["productId"] = ofProduct[0].Variant.ProductId,
        ["variants"] = new JArray(ofProduct.Select(c => c.Input)),
    };

    private async IAsyncEnumerable<SyncResult> SendEachAsync(List<List<Change>> changes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            _context.Progress.Report(RunEvent.Progress($"Updating prices of product {i + 1} of {changes.Count}", i, changes.Count));
            var response = await _context.Client.ExecuteAsync("ProductVariantsBulkUpdate", Variables(changes[i]), cancellationToken).ConfigureAwait(false);
            foreach (var result in Record(changes[i], response.Payload().UserErrors, [])) yield return result;
        }
    }

    private async IAsyncEnumerable<SyncResult> SendBulkAsync(List<List<Change>> changes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answered = new bool[changes.Count];
        var runner = new BulkMutationRunner(_context.Client);
        await foreach (var line in runner.RunAsync("ProductVariantsBulkUpdate", changes.Select(c => (object)Variables(c)), null, cancellationToken).ConfigureAwait(false))
        {
            if (line.LineNumber < 0 || line.LineNumber >= changes.Count) continue;
            answered[line.LineNumber] = true;
            var errors = line.Payload is null ? line.Errors.Select(e => e.ToString()).DefaultIfEmpty("no result").ToList() : [];
            foreach (var result in Record(changes[line.LineNumber], line.UserErrors, errors)) yield return result;
        }
        for (var i = 0; i < changes.Count; i++)
            if (!answered[i])
                foreach (var result in Record(changes[i], [], ["The bulk operation returned no result for this product; run the sync again."]))
                    yield return result;
    }

    /// <summary>Records the variants Shopify took; a userError naming <c>variants.N</c> fails that variant, any other every variant of the product.</summary>
    private IEnumerable<SyncResult> Record(List<Change> ofProduct, IReadOnlyList<UserError> userErrors, IReadOnlyList<string> lineErrors)
    {
        for (var i = 0; i < ofProduct.Count; i++)
        {
            var change = ofProduct[i];
            var refused = lineErrors.Concat(userErrors
                .Where(e => e.Field.Count < 2 || e.Field[0] != "variants" || e.Field[1] == i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Select(e => e.ToString())).ToList();
            if (refused.Count > 0)
            {
                yield return Result(SyncAction.Failed, change.Variant, "Shopify refused the price update: " + string.Join("; ", refused), ErrorCatalog.UserError);
                continue;
            }
            Connector.SetHash(_shop, ContentKind.Variant, change.Variant.Id, change.Prices.Format());
            yield return Result(SyncAction.Updated, change.Variant, "Updated " + change.Message + ".");
        }
    }

    private SyncResult Result(SyncAction action, ShopVariant variant, string message, ErrorId? error = null) =>
        new(action, variant.ItemNo, variant.VariantCode, variant.ProductId, variant.Id, message, _context.WhatIf, error);
}
