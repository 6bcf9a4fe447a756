using System.Globalization;
using System.Runtime.CompilerServices;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Shopify;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// Sync-ShopifyProduct with syncItem FromShopify (S1, I1–I9): reads the shop's products and imports each one
/// (<see cref="ProductImporter"/>), one result per variant.
/// <list type="bullet">
/// <item>What is read: with <see cref="ImportOptions"/> narrowed, those products; else the products Shopify changed
/// since the last import started (<c>updated_at:&gt;=</c> that time less <see cref="Overlap"/>; products already
/// seen at their updatedAt are not imported again); the first import of a shop reads them all through one bulk
/// query, outside the point budget.</item>
/// <item>Each product is imported in a savepoint of its own (<see cref="ImportBatch"/>): a product that fails leaves
/// nothing behind, and a run with failed products keeps the last sync time, so the next run reads them again.</item>
/// <item>-WhatIf: one transaction for the whole run, never committed, so each product's plan sees what the ones
/// before it would have created.</item>
/// </list>
/// </summary>
public static class ProductImportJob
{
    /// <summary>How far before the last import's start the next one reads again: room for the difference between this
    /// machine's clock and Shopify's. Products read twice are recognised by their updatedAt.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    public static async IAsyncEnumerable<SyncResult> RunAsync(ShopSession context, ImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var profile = context.Profile;
        var store = context.Store;
        var startedAt = DateTimeOffset.UtcNow;
        var importer = new ProductImporter(profile, store, context.Today, context.WhatIf);
        using var plan = context.WhatIf ? store.BeginTransaction() : null;
        using var batch = plan is null ? new ImportBatch(store) : null;
        var failed = false;
        var done = 0;
        await using var reads = ReadAsync(context, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        Task<bool>? reading = null;
        try
        {
            while (true)
            {
                reading = reads.MoveNextAsync().AsTask();
                // Never hold the store's write lock while waiting for Shopify.
                if (!reading.IsCompleted && batch is not null)
                    foreach (var result in batch.Commit()) yield return result;
                if (!await reading.ConfigureAwait(false)) break;
                var read = reads.Current;
                IReadOnlyList<SyncResult> results;
                if (read.Product is null)
                {
                    results = [Missing(context, read.Id)];
                }
                else
                {
                    var readCosts = !read.HasCosts && profile.Items.AutoCreateUnknownItems && importer.HasUnmappedVariants(read.Product);
                    // The mapped attribute metafields an item update takes (one call per changed product, only when mapped).
                    var keys = profile.Items.ShopifyCanUpdateItems ? ItemCreator.ImportedMetafieldKeys(profile.Items) : [];
                    var readMetafields = keys.Count > 0 && importer.ChangedInShopify(read.Product);
                    if ((readCosts || readMetafields) && batch is not null)
                        foreach (var result in batch.Commit()) yield return result;
                    if (readCosts) await InventoryItemCosts.FillAsync(context.Client, read.Product.Variants, cancellationToken).ConfigureAwait(false);
                    if (readMetafields) await ProductMetafields.ReadProductAsync(context.Client, read.Product, keys, cancellationToken).ConfigureAwait(false);
                    results = ImportOne(importer, read.Product, batch);
                }
                failed |= results.Any(r => r.Action == SyncAction.Failed);
                context.Progress.Report(RunEvent.Progress($"{++done} of {read.Total} products", done, read.Total));
                if (batch is null)
                {
                    foreach (var result in results) yield return result;
                    continue;
                }
                batch.Add(results);
                if (batch.IsFull)
                    foreach (var result in batch.Commit()) yield return result;
            }
        }
        finally
        {
            // A caller that stops taking results (Select-Object -First) may stop at a result handed out while the next read
            // is under way, and a reader cannot be disposed in the middle of a read: it is let finish first.
            if (reading is { IsCompleted: false }) await Task.WhenAny(reading).ConfigureAwait(false);
        }
        if (batch is not null)
            foreach (var result in batch.Commit()) yield return result;
        if (!options.IsNarrowed && !failed && !context.WhatIf) store.Connector.SetLastSync(profile.Name, SyncKind.Products, startedAt);
        context.Progress.Report(RunEvent.Verbose($"Imported {done} products of {profile.Name}: {context.Client.Statistics}."));
    }

    /// <summary>Imports one product in a savepoint of <paramref name="batch"/>; under -WhatIf (no batch) in the run's plan.</summary>
    private static IReadOnlyList<SyncResult> ImportOne(ProductImporter importer, ShopifyProduct source, ImportBatch? batch)
    {
        batch?.BeginProduct();
        try
        {
            var results = importer.Import(source, importer.ChangedInShopify(source));
            batch?.KeepProduct();
            return results;
        }
        catch (Exception ex) when (ex is ImportException or PriceCalculationException or RowRejectedException)
        {
            if (batch is not null)
            {
                batch.UndoProduct();
                importer.Forget();
            }
            return importer.Failed(source.Id, source.Variants.Select(v => v.Id), $"{source.Title}: {ex.Message}");
        }
    }

    /// <summary>A product asked for by id that Shopify does not have: deleted there, so it leaves the mirror (as in
    /// Business Central), or never there.</summary>
    private static SyncResult Missing(ShopSession context, string id)
    {
        var shop = context.Profile.Name;
        if (context.Store.Connector.GetProduct(shop, id) is null)
            return new SyncResult(SyncAction.Failed, "", "", id, "", $"Shop '{shop}' has no product {id}.", context.WhatIf);
        context.Store.Connector.DeleteProduct(shop, id);
        return new SyncResult(SyncAction.Skipped, "", "", id, "", $"Product {id} no longer exists in Shopify: removed from the mirror with its item links.", context.WhatIf);
    }

    private sealed record ReadProduct(string Id, ShopifyProduct? Product, long Total, bool HasCosts);

    private static async IAsyncEnumerable<ReadProduct> ReadAsync(ShopSession context, ImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new ProductReader(context.Client);
        if (options.ProductIds.Count > 0)
        {
            foreach (var id in options.ProductIds)
            {
                var gid = ProductReader.ProductGid(id);
                yield return new ReadProduct(gid, await reader.GetAsync(gid, cancellationToken).ConfigureAwait(false), options.ProductIds.Count, false);
            }
            yield break;
        }
        var query = options.Query;
        if (query is null && context.Store.Connector.GetLastSync(context.Profile.Name, SyncKind.Products) is { } last)
        {
            query = "updated_at:>='" + (last - Overlap).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "'";
            context.Progress.Report(RunEvent.Verbose($"Reading the products changed since the last import: {query}"));
        }
        // A full read goes straight to one bulk query, whatever the shop's size: counting first to choose between bulk
        // and pages would be a call of its own, and a bulk query costs a few points where pages cost hundreds. Its
        // progress counts towards the products Shopify wrote (rootObjectCount), known once the operation completed.
        // A read of the changes (or of a search) pages at once, so an import with nothing to do costs one empty page;
        // its progress has no total.
        if (query is null)
        {
            context.Progress.Report(RunEvent.Verbose("First import of the shop: reading every product through one bulk query."));
            var runner = new BulkQueryRunner(context.Client);
            var products = new BulkGroupReader<BulkProductLine>(BulkProductLine.Reader(context.Profile.Name), p => p.VariantsCount)
                .ReadAsync(runner.RunLinesAsync("BulkProducts", cancellationToken), cancellationToken);
            await foreach (var root in products.ConfigureAwait(false))
            {
                if (root.Data.Product is not { } product) continue;
                product.Variants = root.Children.Select(c => c.Data.Variant).OfType<ShopifyVariant>().ToList();
                yield return new ReadProduct(product.Id, product, runner.Completed?.RootObjectCount ?? 0, true);
            }
            yield break;
        }
        await foreach (var product in reader.ListAsync(query, cancellationToken).ConfigureAwait(false))
            yield return new ReadProduct(product.Id, product, 0, false);
    }
}
