using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>P1: sends the price, compare-at price and cost of linked variants whose prices changed since they were last sent.</summary>
[Cmdlet(VerbsData.Sync, "ShopifyPrice", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyPriceCommand : SyncCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [SupportsWildcards]
    [AllowEmptyString, AllowEmptyCollection]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    /// <summary>Only the variants of these products (gid or number): they stand for the items they are linked to.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [AllowEmptyString, AllowEmptyCollection]
    public string[]? ProductId { get; set; }

    protected override void Process() => Collect(ItemNo, ProductGids(ProductId));

    protected override ISyncJob CreateJob(JobScope scope) => new PricesJob(scope);
}
