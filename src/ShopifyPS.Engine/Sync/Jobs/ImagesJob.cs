using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Images;

namespace ShopifyPS.Sync;

/// <summary>Sync-ShopifyImage: pictures the way the profile's syncItemImages says, for linked products; with scaleDown,
/// pictures above Shopify's limits are scaled to fit instead of skipped.</summary>
public sealed class ImagesJob(JobScope scope, bool scaleDown) : ISyncJob
{
    public SyncKind Kind => SyncKind.Images;
    public JobScope Scope => scope;
    public string Activity(string shop) => $"Synchronizing pictures of {shop}";
    public string Action => "Synchronize pictures" + (scope.All ? "" : $" of {scope.ItemNos.Count} items and {scope.ProductIds.Count} products");

    public void Check(ShopProfile profile) => RefuseWhenDisabled(profile);

    /// <summary>Picture sync is off in the profile: there is nothing this job may do.</summary>
    public static void RefuseWhenDisabled(ShopProfile profile)
    {
        if (profile.Items.SyncItemImages == ImageSyncMode.Disabled)
            throw new ShopifyPSException(ErrorCatalog.ImageSyncDisabled,
                $"Picture sync is disabled for shop {profile.Name}. Turn it on with Set-ShopifyShop -Shop {profile.Name} -SyncItemImages ToShopify (or FromShopify).", profile.Name);
    }

    public IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, CancellationToken cancellationToken) =>
        ImageSync.RunAsync(session, session.Home, new ImageSyncScope { ItemNo = scope.ItemNos, ProductId = scope.ProductIds, ScaleDown = scaleDown }, cancellationToken);
}
