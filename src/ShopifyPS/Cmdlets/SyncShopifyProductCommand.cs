using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Synchronizes products in the direction of the shop's syncItem (S1): ToShopify updates linked products from their
/// items (E11, when canUpdateShopifyProducts is on) and applies actionForRemovedProducts to products whose item was
/// removed or blocked (S5); FromShopify imports products (I1–I9).
/// </summary>
[Cmdlet(VerbsData.Sync, "ShopifyProduct", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyProductCommand : SyncCmdlet
{
    private readonly List<string> _itemNos = [];

    /// <summary>Only the products of these items (wildcards allowed).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ItemNo { get; set; }

    /// <summary>Sends every selected product again, even when nothing changed since the last sync.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (ItemNo is not null) _itemNos.AddRange(ItemNo);
    }

    protected override void EndProcessing()
    {
        switch (Profile.Items.SyncItem)
        {
            case SyncItemMode.ToShopify:
                SyncToShopify();
                break;
            case SyncItemMode.FromShopify:
                SyncFromShopify();
                break;
            default:
                throw Terminate("ShopifySyncItemDisabled", ErrorCategory.InvalidOperation,
                    $"Shop '{Shop}' has syncItem: Disabled, so Sync-ShopifyProduct has nothing to do. Choose a direction with " +
                    $"Set-ShopifyShop {Shop} -SyncItem ToShopify (items update their products) or -SyncItem FromShopify (products are imported). " +
                    "Add-ShopifyItem creates products whatever syncItem is.", Shop);
        }
    }

    private void SyncToShopify()
    {
        // Everything a ToShopify run does changes products, so without S2 the whole run could do nothing.
        if (!Profile.Items.CanUpdateShopifyProducts)
            throw Terminate("ShopifyProductUpdatesDisabled", ErrorCategory.InvalidOperation,
                $"Shop '{Shop}' has syncItem: ToShopify but canUpdateShopifyProducts: false, so no product may be changed. " +
                $"Allow it with Set-ShopifyShop {Shop} -CanUpdateShopifyProducts $true; Add-ShopifyItem still creates products without it.", Shop);
        if (!WhatIfRequested && !ShouldProcess($"shop {Shop}", "Update the products linked to items")) return;
        RunSync(SyncKind.Products, $"Synchronizing products to {Shop}",
            (context, ct) => new ProductExportJob(context).SyncLinkedAsync(_itemNos, Force, ct));
    }

    // --- FromShopify: the import (issue 6) plugs in here. ---
    private void SyncFromShopify() =>
        throw Terminate("ShopifySyncFromShopifyUnavailable", ErrorCategory.NotImplemented,
            $"Shop '{Shop}' has syncItem: FromShopify, and importing products is not available in this version.", Shop);
}
