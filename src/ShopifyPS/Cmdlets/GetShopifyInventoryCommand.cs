using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Erp;
using ShopifyPS.Storage;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Shows, per variant and Shopify location, the stock last known in Shopify and the stock last calculated from the ERP,
/// with when each was taken (V5). Reads the connector's database only; no call goes to Shopify.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ShopifyInventory")]
[OutputType(typeof(ShopifyInventoryLevel))]
public sealed class GetShopifyInventoryCommand : ShopCmdlet
{
    /// <summary>Only the variants mapped to these items.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    /// <summary>Only these locations (names or ids from the shop profile).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(LocationNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Location { get; set; }

    protected override void Process()
    {
        var profile = Profile;
        var locationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Location ?? [])
        {
            var matches = ShopLocations.Find(profile, name);
            if (matches.Count == 0)
            {
                throw Terminate(ErrorCatalog.LocationNotFound,
                    $"The profile of shop '{Shop}' has no location '{name}' (it has: {string.Join(", ", profile.Locations.Select(l => $"'{l.Name}'"))}).", name);
            }
            locationIds.UnionWith(matches.Select(m => m.Id));
        }
        var store = Session().Store;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in ShopifyInventoryLevel.List(store.Connector, profile, ItemNo ?? [], locationIds))
        {
            listed.Add(level.ItemNo);
            WriteObject(level);
        }
        // As Get-ShopifyItem: an item number that is neither in the item store nor mapped in this shop is a typing error;
        // a known item without levels (not synced yet, or filtered out by -Location) is not.
        foreach (var no in (ItemNo ?? []).Where(no => !listed.Contains(no)))
        {
            if (store.Erp.Exists(ErpTables.Items, ("No", no)) || store.Connector.VariantsOfItem(profile.Name, no).Count > 0) continue;
            WriteRecordError(ErrorCatalog.ItemNotFound,
                $"No item '{no}' in {store.Path}. Load items with Import-ShopifyErpData or create one with Set-ShopifyItem.", no);
        }
    }
}
