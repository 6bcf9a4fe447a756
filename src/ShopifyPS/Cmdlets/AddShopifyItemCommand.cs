using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync;

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
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ItemNo")]
    [SupportsWildcards]
    [AllowEmptyString, AllowEmptyCollection]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? No { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemCategoryCode { get; set; }

    /// <summary>The Shopify product (gid) the items are added to as variants, instead of products of their own.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AsVariantOf { get; set; }

    protected override void Process() => Collect(No, null);

    protected override ISyncJob CreateJob(JobScope scope) => new AddItemsJob(scope, ItemCategoryCode ?? [], AsVariantOf);
}
