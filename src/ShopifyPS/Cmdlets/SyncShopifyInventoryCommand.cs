using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Synchronizes stock to Shopify (V1, V3–V6) for the whole shop, or for the items and products piped in: one run over
/// everything the pipeline gave, so the writes are batched across items.
/// </summary>
[Cmdlet(VerbsData.Sync, "ShopifyInventory", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyInventoryCommand : SyncCmdlet
{
    private readonly List<string> _itemNos = new();
    private readonly List<string> _productIds = new();

    /// <summary>Only the variants mapped to these items.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    /// <summary>Only the variants of these Shopify products (gid or number).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? ProductId { get; set; }

    /// <summary>Compare with the stock the connector last knew instead of reading Shopify's first.</summary>
    [Parameter] public SwitchParameter SkipImport { get; set; }

    protected override void ProcessRecord()
    {
        if (ItemNo is not null) _itemNos.AddRange(ItemNo);
        foreach (var id in ProductId ?? [])
            if (ProductGidOrReport(id) is { } gid) _productIds.Add(gid);
    }

    protected override void EndProcessing()
    {
        // Input that named items or products, none of them usable, must not turn into a run over the whole shop.
        if ((ItemNo is not null || ProductId is not null || MyInvocation.ExpectingInput) && _itemNos.Count == 0 && _productIds.Count == 0)
        {
            WriteWarning("Nothing to synchronize: the input named no usable item number or product id.");
            return;
        }
        foreach (var location in Profile.Locations.Where(l => l.StockCalculation != StockCalculation.Disabled))
        {
            try
            {
                LocationFilter.Parse(location.LocationFilter);
            }
            catch (LocationFilterException ex)
            {
                throw Terminate(ErrorCatalog.LocationFilterInvalid,
                    $"The location '{location.Name}' of shop '{Shop}' has a filter that is not valid, so no stock was synchronized: {ex.Message} Fix it with Set-ShopifyLocation -Shop {Shop} -Location '{location.Name}' -LocationFilter <filter>.",
                    location.LocationFilter, ex);
            }
        }
        if (!WhatIfRequested && !ShouldProcess($"shop '{Shop}'", "Synchronize inventory")) return;
        var options = new InventorySyncOptions { ItemNos = _itemNos.Distinct().ToList(), ProductIds = _productIds.Distinct().ToList(), SkipImport = SkipImport };
        RunSync(SyncKind.Inventory, $"Synchronizing inventory of {Shop}", (context, ct) => InventorySync.RunAsync(context, options, ct));
    }
}
