using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Synchronizes stock to Shopify (V1, V3–V6) for the whole shop, or for the items and products piped in: one run over
/// everything the pipeline gave, so the writes are batched across items.
/// </summary>
[Cmdlet(VerbsData.Sync, "ShopifyInventory", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyInventoryCommand : SyncCmdlet
{
    /// <summary>Only the variants mapped to these items.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [AllowEmptyString, AllowEmptyCollection]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    /// <summary>Only the variants of these Shopify products (gid or number).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [AllowEmptyString, AllowEmptyCollection]
    public string[]? ProductId { get; set; }

    /// <summary>Compare with the stock the connector last knew instead of reading Shopify's first.</summary>
    [Parameter] public SwitchParameter SkipImport { get; set; }

    protected override void Process() => Collect(ItemNo, ProductGids(ProductId));

    protected override ISyncJob CreateJob(JobScope scope) => new InventoryJob(scope, SkipImport);
}
