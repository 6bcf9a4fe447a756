using System.Runtime.CompilerServices;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Images;

/// <summary>Which products a picture sync covers: all linked products of the shop, or those of the given items and products.</summary>
public sealed class ImageSyncScope
{
    public IReadOnlyList<string> ItemNo { get; init; } = [];
    public IReadOnlyList<string> ProductId { get; init; } = [];
    public bool All => ItemNo.Count == 0 && ProductId.Count == 0;
    /// <summary>Scale pictures above Shopify's limits (4472 × 4472 px, 20 megapixels, 20 MB) down instead of skipping them.</summary>
    public bool ScaleDown { get; init; }
}

/// <summary>
/// Sync-ShopifyImage's job (M1): pictures go the way the profile's <c>items.syncItemImages</c> says, for the products
/// linked to items (ShopProduct.ItemNo, ShopVariant.ItemNo/VariantCode). An item or product of the scope that has no
/// link is reported as skipped.
/// </summary>
public static class ImageSync
{
    public static async IAsyncEnumerable<SyncResult> RunAsync(ShopSession context, ShopifyHome home, ImageSyncScope scope,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var mode = context.Profile.Items.SyncItemImages;
        ImagesJob.RefuseWhenDisabled(context.Profile);
        var products = new List<ShopProduct>();
        foreach (var unlinked in Select(context, scope, products)) yield return unlinked;
        var job = mode == ImageSyncMode.ToShopify
            ? new ImageExport(context, home, scope.ScaleDown).RunAsync(products, ct)
            : new ImageImport(context, home).RunAsync(products, ct);
        await foreach (var result in job.ConfigureAwait(false)) yield return result;
    }

    /// <summary>Fills <paramref name="products"/> (each once, in id order) and returns a skipped result per item or product without a link.</summary>
    private static IEnumerable<SyncResult> Select(ShopSession context, ImageSyncScope scope, List<ShopProduct> products)
    {
        var shop = context.Profile.Name;
        var connector = context.Store.Connector;
        var skipped = new List<SyncResult>();
        var byId = new SortedDictionary<string, ShopProduct>(StringComparer.Ordinal);
        if (scope.All)
            foreach (var product in connector.Products(shop).ToList()) byId[product.Id] = product;
        foreach (var itemNo in scope.ItemNo.Distinct(StringComparer.Ordinal))
        {
            var linked = connector.ProductsOfItem(shop, itemNo)
                .Concat(connector.VariantsOfItem(shop, itemNo).Select(v => connector.GetProduct(shop, v.ProductId)).OfType<ShopProduct>())
                .ToList();
            if (linked.Count == 0)
                skipped.Add(new SyncResult(SyncAction.Skipped, itemNo, "", "", "",
                    $"Item {itemNo} is not linked to a Shopify product of shop {shop}; export it with Add-ShopifyItem or map it first.", context.WhatIf));
            foreach (var product in linked) byId[product.Id] = product;
        }
        foreach (var productId in scope.ProductId.Distinct(StringComparer.Ordinal))
        {
            if (connector.GetProduct(shop, productId) is { } product) byId[product.Id] = product;
            else skipped.Add(new SyncResult(SyncAction.Skipped, "", "", productId, "",
                $"Product {productId} is not in the connector of shop {shop}; run Sync-ShopifyProduct (or Add-ShopifyItem) first.", context.WhatIf));
        }
        products.AddRange(byId.Values.Where(p => !p.Removed));
        return skipped;
    }
}
