using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Sync Products (S1) in the direction of the shop's syncItem: ToShopify updates linked products from their items
/// (E11, when canUpdateShopifyProducts is on) and applies actionForRemovedProducts to products whose item was removed
/// or blocked (S5); FromShopify imports the shop's products into the mirror and maps, creates or updates items (I1–I9).
/// </summary>
[Cmdlet(VerbsData.Sync, "ShopifyProduct", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyProductCommand : SyncCmdlet
{
    private readonly List<string> _itemNos = [];
    private readonly List<string> _productIds = [];

    /// <summary>ToShopify: only the products of these items (wildcards allowed).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    /// <summary>ToShopify: sends every selected product again, even when nothing changed since the last sync.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <summary>FromShopify: only these products (gid or number); accepts ProductId or Id from the pipeline.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[]? ProductId { get; set; }

    /// <summary>FromShopify: only the products matching this Shopify search.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    protected override void ProcessRecord()
    {
        if (ItemNo is not null) _itemNos.AddRange(ItemNo);
        foreach (var id in ProductId ?? [])
            if (ProductGidOrReport(id) is { } gid) _productIds.Add(gid);
    }

    protected override void EndProcessing()
    {
        switch (Profile.Items.SyncItem)
        {
            case SyncItemMode.ToShopify:
                RefuseParameters(SyncItemMode.ToShopify, nameof(ProductId), nameof(Query));
                SyncToShopify();
                break;
            case SyncItemMode.FromShopify:
                RefuseParameters(SyncItemMode.FromShopify, nameof(ItemNo), nameof(Force));
                SyncFromShopify();
                break;
            default:
                throw Terminate(ErrorCatalog.SyncItemDisabled,
                    $"Shop '{Shop}' has syncItem: Disabled, so Sync-ShopifyProduct has nothing to do. Choose a direction with " +
                    $"Set-ShopifyShop {Shop} -SyncItem ToShopify (items update their products) or -SyncItem FromShopify (products are imported). " +
                    "Add-ShopifyItem creates products whatever syncItem is.", Shop);
        }
    }

    // A filter of the other direction would be silently ignored, which would sync more than the user asked for.
    private void RefuseParameters(SyncItemMode direction, params string[] parameters)
    {
        foreach (var parameter in parameters.Where(IsBound))
            throw Terminate(ErrorCatalog.SyncParameterNotForDirection,
                $"-{parameter} narrows the other direction; shop '{Shop}' has syncItem: {direction}. " +
                "Use -ItemNo/-Force with ToShopify and -ProductId/-Query with FromShopify.", parameter);
    }

    private void SyncToShopify()
    {
        // Everything a ToShopify run does changes products, so without S2 the whole run could do nothing.
        if (!Profile.Items.CanUpdateShopifyProducts)
            throw Terminate(ErrorCatalog.ProductUpdatesDisabled,
                $"Shop '{Shop}' has syncItem: ToShopify but canUpdateShopifyProducts: false, so no product may be changed. " +
                $"Allow it with Set-ShopifyShop {Shop} -CanUpdateShopifyProducts $true; Add-ShopifyItem still creates products without it.", Shop);
        if (!WhatIfRequested && !ShouldProcess($"shop {Shop}", "Update the products linked to items")) return;
        RunSync(SyncKind.Products, $"Synchronizing products to {Shop}",
            (context, ct) => new ProductExportJob(context).SyncLinkedAsync(_itemNos, Force, ct));
    }

    private void SyncFromShopify()
    {
        // Ids were bound but none was valid: there is nothing to narrow to, and reading the whole shop was not asked for.
        if (IsBound(nameof(ProductId)) && _productIds.Count == 0) return;
        var options = new ImportOptions { ProductIds = _productIds.Distinct().ToList(), Query = Query };
        RunSync(SyncKind.Products, $"Importing products of {Shop}", (context, ct) => ProductImportJob.RunAsync(context, options, ct));
    }
}
