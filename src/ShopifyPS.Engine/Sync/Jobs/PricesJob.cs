using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Sync;

/// <summary>Sync-ShopifyPrice: prices, compare-at prices and costs of linked variants that changed since last sent.</summary>
public sealed class PricesJob(JobScope scope) : ISyncJob
{
    public SyncKind Kind => SyncKind.Prices;
    public JobScope Scope => scope;
    public string Activity(string shop) => $"Synchronizing prices to {shop}";
    public string Action => "Update the prices of linked variants" + (scope.All ? "" : $" of {scope.ItemNos.Count + scope.ProductIds.Count} items and products");

    public void Check(ShopProfile profile) { }

    /// <exception cref="PriceCalculationException">The shop's price setup (currency, exchange rate, customer template) leaves nothing to price.</exception>
    public IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, CancellationToken cancellationToken)
    {
        var connector = session.Store.Connector;
        var itemNos = scope.ItemNos.Concat(scope.ProductIds.Select(id => connector.GetProduct(session.Profile.Name, id)?.ItemNo ?? "")
            .Where(n => n.Length > 0)).Distinct(StringComparer.Ordinal).ToList();
        return scope.All || itemNos.Count > 0 ? new PriceSyncJob(session).RunAsync(itemNos, cancellationToken) : NoResults.Empty();
    }
}
