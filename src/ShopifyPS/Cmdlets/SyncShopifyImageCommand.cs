using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Images;

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
    private readonly List<string> _itemNos = new();
    private readonly List<string> _productIds = new();

    /// <summary>Only the products linked to these items (the item itself or one of its variants).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [AllowEmptyString]
    public string[] ItemNo { get; set; } = Array.Empty<string>();

    /// <summary>Only these products (Shopify GIDs).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [AllowEmptyString]
    public string[] ProductId { get; set; } = Array.Empty<string>();

    /// <summary>Scale pictures above Shopify's limits down to fit them instead of skipping them.</summary>
    [Parameter] public SwitchParameter ScaleDown { get; set; }

    protected override void ProcessRecord()
    {
        // Items piped from Get-ShopifyItem carry a blank ProductId when they are not exported yet: nothing to add.
        _itemNos.AddRange(ItemNo.Where(n => !string.IsNullOrWhiteSpace(n)));
        _productIds.AddRange(ProductId.Where(id => !string.IsNullOrWhiteSpace(id)));
    }

    protected override void EndProcessing()
    {
        var mode = Profile.Items.SyncItemImages;
        if (mode == ImageSyncMode.Disabled)
            throw Terminate(ErrorCatalog.ShopifyImageSyncDisabled,
                $"Picture sync is disabled for shop {Shop}. Turn it on with Set-ShopifyShop -Shop {Shop} -SyncItemImages ToShopify (or FromShopify).", Shop);
        var scope = new ImageSyncScope { ItemNo = _itemNos, ProductId = _productIds, ScaleDown = ScaleDown };
        var activity = mode == ImageSyncMode.ToShopify ? $"Uploading pictures to {Shop}" : $"Downloading pictures from {Shop}";
        RunSync(SyncKind.Images, activity, (context, ct) => ImageSync.RunAsync(context, Home, scope, ct));
    }
}
