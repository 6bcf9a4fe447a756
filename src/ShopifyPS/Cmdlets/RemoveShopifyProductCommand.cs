using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>E13: applies the shop's actionForRemovedProducts in Shopify (nothing, draft or archived) and removes the
/// product and its variants' links from the connector. The product itself is never deleted from Shopify.</summary>
[Cmdlet(VerbsCommon.Remove, "ShopifyProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SyncResult))]
public sealed class RemoveShopifyProductCommand : ProductEditCmdlet
{
    /// <summary>Removes without asking for confirmation (-WhatIf still only reports).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void Process() =>
        EditEach("Remove the product from the connector and apply actionForRemovedProducts", (editor, id, ct) => editor.RemoveAsync(id, ct), Force);
}
