using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Erp;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Removes items from the item store; each shop's next sync applies its actionForRemovedProducts to the
/// products mapped to them.</summary>
[Cmdlet(VerbsCommon.Remove, "ShopifyItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveShopifyItemCommand : StoreCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ItemNo")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[] No { get; set; } = [];

    /// <summary>Removes without asking for confirmation (-WhatIf still only reports).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void Process()
    {
        var store = OpenStore(StoreAccess.Write);
        var catalog = new ItemCatalog(store.Erp, store.Connector);
        foreach (var no in No)
        {
            if (!catalog.Exists(no))
            {
                WriteRecordError(ErrorCatalog.ItemNotFound, $"No item '{no}' in {DatabasePath}; nothing was removed.", no);
                continue;
            }
            if (!ShouldChange($"item {no} in {DatabasePath}", "Remove the item with its variants, references, prices and stock", Force)) continue;
            catalog.Remove(no);
            WriteVerbose($"Removed item {no}; the next sync applies each shop's actionForRemovedProducts to its products.");
        }
    }
}
