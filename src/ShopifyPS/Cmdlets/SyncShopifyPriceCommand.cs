using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>P1: sends the price, compare-at price and cost of linked variants whose prices changed since they were last sent.</summary>
[Cmdlet(VerbsData.Sync, "ShopifyPrice", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyPriceCommand : SyncCmdlet
{
    private readonly List<string> _itemNos = [];

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    protected override void ProcessRecord()
    {
        if (ItemNo is not null) _itemNos.AddRange(ItemNo);
    }

    protected override void EndProcessing()
    {
        if (!WhatIfRequested && !ShouldProcess($"shop {Shop}", "Update the prices of linked variants")) return;
        RunSync(SyncKind.Prices, $"Synchronizing prices to {Shop}", (context, ct) => new PriceSyncJob(context).RunAsync(_itemNos, ct));
    }
}
