using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Sync;

/// <summary>Add-ShopifyItem: creates products for items whatever syncItem and canUpdateShopifyProducts say; with
/// <paramref name="asVariantOf"/>, adds the items to that product as variants instead.</summary>
public sealed class AddItemsJob(JobScope scope, IReadOnlyList<string> itemCategoryCodes, string? asVariantOf = null) : ISyncJob
{
    public SyncKind Kind => SyncKind.Products;
    public JobScope Scope => scope;
    public string Activity(string shop) => $"Adding items to {shop}";

    public string Action
    {
        get
        {
            var which = scope.All ? "every item" : scope.ItemNos.Count <= 5 ? "items " + string.Join(", ", scope.ItemNos) : $"{scope.ItemNos.Count} items";
            return (asVariantOf is null ? "Create Shopify products for " : $"Add to product {asVariantOf} as variants ") + which +
                (itemCategoryCodes.Count > 0 ? " of item categories " + string.Join(", ", itemCategoryCodes) : "");
        }
    }

    /// <summary>Business Central does not add items as variants while units of measure are variants (§2.17).</summary>
    public void Check(ShopProfile profile)
    {
        if (asVariantOf is not null && profile.Items.UomAsVariant)
            throw new ShopifyPSException(ErrorCatalog.ItemAsVariantRefused,
                $"Shop '{profile.Name}' has units of measure as variants (uomAsVariant), so items cannot be added as variants of another product.", profile.Name);
    }

    public IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, CancellationToken cancellationToken)
    {
        var selection = new ItemSelection { Numbers = scope.ItemNos, ItemCategoryCodes = itemCategoryCodes };
        var export = new ProductExportJob(session);
        return asVariantOf is null ? export.AddItemsAsync(selection, cancellationToken) : export.AddAsVariantsAsync(selection, asVariantOf, cancellationToken);
    }
}
