using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// E1: creates Shopify products for items, with their variants and prices (no pictures, no stock), whatever the
/// shop's syncItem and canUpdateShopifyProducts say. Items come from the pipeline (by No or ItemNo) or by filter;
/// all of them are collected first and sent in one run (one bulk mutation for many).
/// </summary>
[Cmdlet(VerbsCommon.Add, "ShopifyItem", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class AddShopifyItemCommand : SyncCmdlet
{
    private readonly List<string> _numbers = [];

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ItemNo")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? No { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemCategoryCode { get; set; }

    protected override void ProcessRecord()
    {
        if (No is not null) _numbers.AddRange(No);
    }

    protected override void EndProcessing()
    {
        var selection = new ItemSelection { Numbers = _numbers, ItemCategoryCodes = ItemCategoryCode ?? [] };
        var which = _numbers.Count == 0 ? "every item" : _numbers.Count <= 5 ? "items " + string.Join(", ", _numbers) : $"{_numbers.Count} items";
        if (ItemCategoryCode is not null) which += " of item categories " + string.Join(", ", ItemCategoryCode);
        if (!WhatIfRequested && !ShouldProcess($"shop {Shop}", $"Create Shopify products for {which}")) return;
        RunSync(SyncKind.Products, $"Adding items to {Shop}", (context, ct) => new ProductExportJob(context).AddItemsAsync(selection, ct));
    }
}
