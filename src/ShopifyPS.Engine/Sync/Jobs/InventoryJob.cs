using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Sync;

/// <summary>Sync-ShopifyInventory: stock of linked variants at the shop's locations, only where it differs.</summary>
public sealed class InventoryJob(JobScope scope, bool skipImport) : ISyncJob
{
    public SyncKind Kind => SyncKind.Inventory;
    public JobScope Scope => scope;
    public string Activity(string shop) => $"Synchronizing inventory of {shop}";
    public string Action => "Synchronize inventory" + (scope.All ? "" : $" of {scope.ItemNos.Count} items and {scope.ProductIds.Count} products");

    public void Check(ShopProfile profile)
    {
        foreach (var location in profile.Locations.Where(l => l.StockCalculation != StockCalculation.Disabled))
            LocationFilter.Parse(location.LocationFilter);
    }

    public IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, CancellationToken cancellationToken) =>
        InventorySync.RunAsync(session, new InventorySyncOptions { ItemNos = scope.ItemNos, ProductIds = scope.ProductIds, SkipImport = skipImport }, cancellationToken);
}
