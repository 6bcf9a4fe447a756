using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Synchronizes item pictures with Shopify media (M1–M3) the way the profile's <c>items.syncItemImages</c> says:
/// ToShopify uploads changed pictures, FromShopify downloads changed media. Items and products from the pipeline
/// are collected and synced in one run when the pipeline ends; without them every linked product of the shop is.
/// </summary>
[Cmdlet(VerbsData.Sync, "ShopifyImage", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyImageCommand : SyncCmdlet
{
    /// <summary>Only the products linked to these items (the item itself or one of its variants).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [AllowEmptyString, AllowEmptyCollection]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    /// <summary>Only these products (gid or number).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [AllowEmptyString, AllowEmptyCollection]
    public string[]? ProductId { get; set; }

    /// <summary>Scale pictures above Shopify's limits down to fit them instead of skipping them.</summary>
    [Parameter] public SwitchParameter ScaleDown { get; set; }

    protected override void Process() => Collect(ItemNo, ProductGids(ProductId));

    protected override ISyncJob CreateJob(JobScope scope) => new ImagesJob(scope, ScaleDown);
}
