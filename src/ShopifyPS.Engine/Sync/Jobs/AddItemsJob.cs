using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Sync;

/// <summary>Add-ShopifyItem: creates products for items whatever syncItem and canUpdateShopifyProducts say.</summary>
public sealed class AddItemsJob(JobScope scope, IReadOnlyList<string> itemCategoryCodes) : ISyncJob
{
    public SyncKind Kind => SyncKind.Products;
    public JobScope Scope => scope;
    public string Activity(string shop) => $"Adding items to {shop}";

    public string Action
    {
        get
        {
            var which = scope.All ? "every item" : scope.ItemNos.Count <= 5 ? "items " + string.Join(", ", scope.ItemNos) : $"{scope.ItemNos.Count} items";
            return "Create Shopify products for " + which + (itemCategoryCodes.Count > 0 ? " of item categories " + string.Join(", ", itemCategoryCodes) : "");
        }
    }

    public void Check(ShopProfile profile) { }

    public IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, CancellationToken cancellationToken) =>
        new ProductExportJob(session).AddItemsAsync(new ItemSelection { Numbers = scope.ItemNos, ItemCategoryCodes = itemCategoryCodes }, cancellationToken);
}
