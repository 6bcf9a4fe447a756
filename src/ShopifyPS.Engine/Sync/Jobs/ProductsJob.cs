using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Sync;

/// <summary>
/// Sync-ShopifyProduct in the direction of the shop's syncItem. ToShopify updates the products linked to items (only
/// when canUpdateShopifyProducts is on); FromShopify imports the shop's products. Items and products both narrow either
/// direction: a product stands for the item it is linked to, an item for the products linked to it.
/// </summary>
public sealed class ProductsJob(JobScope scope, string? query, bool force) : ISyncJob
{
    public SyncKind Kind => SyncKind.Products;
    public JobScope Scope => scope;
    public string Activity(string shop) => $"Synchronizing products of {shop}";
    public string Action => "Synchronize products" + (scope.All ? "" : $" of {scope.ItemNos.Count} items and {scope.ProductIds.Count} products");

    public void Check(ShopProfile profile)
    {
        var shop = profile.Name;
        switch (profile.Items.SyncItem)
        {
            case SyncItemMode.ToShopify:
                if (query is not null) throw NotForDirection("Query", SyncItemMode.ToShopify, shop);
                // Everything a ToShopify run does changes products, so without this setting the whole run could do nothing.
                if (!profile.Items.CanUpdateShopifyProducts)
                    throw new ShopifyPSException(ErrorCatalog.ProductUpdatesDisabled,
                        $"Shop '{shop}' has syncItem: ToShopify but canUpdateShopifyProducts: false, so no product may be changed. " +
                        $"Allow it with Set-ShopifyShop {shop} -CanUpdateShopifyProducts $true; Add-ShopifyItem still creates products without it.", shop);
                break;
            case SyncItemMode.FromShopify:
                if (force) throw NotForDirection("Force", SyncItemMode.FromShopify, shop);
                break;
            default:
                throw new ShopifyPSException(ErrorCatalog.SyncItemDisabled,
                    $"Shop '{shop}' has syncItem: Disabled, so Sync-ShopifyProduct has nothing to do. Choose a direction with " +
                    $"Set-ShopifyShop {shop} -SyncItem ToShopify (items update their products) or -SyncItem FromShopify (products are imported). " +
                    "Add-ShopifyItem creates products whatever syncItem is.", shop);
        }
    }

    // A filter of the other direction would be silently ignored, which would sync more than the user asked for.
    private static ShopifyPSException NotForDirection(string parameter, SyncItemMode direction, string shop) =>
        new(ErrorCatalog.SyncParameterNotForDirection,
            $"-{parameter} belongs to the other direction; shop '{shop}' has syncItem: {direction}. " +
            "Use -Force with ToShopify and -Query with FromShopify; items and products narrow both.", parameter);

    public IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, CancellationToken cancellationToken)
    {
        var connector = session.Store.Connector;
        var shop = session.Profile.Name;
        if (session.Profile.Items.SyncItem == SyncItemMode.ToShopify)
        {
            var itemNos = scope.ItemNos.Concat(scope.ProductIds.Select(id => connector.GetProduct(shop, id)?.ItemNo ?? "")
                .Where(n => n.Length > 0)).Distinct(StringComparer.Ordinal).ToList();
            return scope.All || itemNos.Count > 0 ? new ProductExportJob(session).SyncLinkedAsync(itemNos, force, cancellationToken) : NoResults.Empty();
        }
        var productIds = scope.ProductIds.Concat(scope.ItemNos.SelectMany(n => connector.ProductsOfItem(shop, n)).Select(p => p.Id))
            .Distinct(StringComparer.Ordinal).ToList();
        if (!scope.All && productIds.Count == 0) return NoResults.Empty();
        return ProductImportJob.RunAsync(session, new ImportOptions { ProductIds = productIds, Query = query }, cancellationToken);
    }
}
