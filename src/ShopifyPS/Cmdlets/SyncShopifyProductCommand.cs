using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Sync Products (S1) in the direction of the shop's syncItem: ToShopify updates linked products from their items
/// (E11, when canUpdateShopifyProducts is on) and applies actionForRemovedProducts to products whose item was removed
/// or blocked (S5); FromShopify imports the shop's products into the mirror and maps, creates or updates items (I1–I9).
/// Items and products narrow either direction.
/// </summary>
[Cmdlet(VerbsData.Sync, "ShopifyProduct", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyProductCommand : SyncCmdlet
{
    /// <summary>Only the products of these items (wildcards allowed).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [SupportsWildcards]
    [AllowEmptyString, AllowEmptyCollection]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[]? ItemNo { get; set; }

    /// <summary>ToShopify: sends every selected product again, even when nothing changed since the last sync.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <summary>Only these products (gid or number); accepts ProductId or Id from the pipeline.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [AllowEmptyString, AllowEmptyCollection]
    public string[]? ProductId { get; set; }

    /// <summary>FromShopify: only the products matching this Shopify search.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    protected override void Process() => Collect(ItemNo, ProductGids(ProductId));

    protected override ISyncJob CreateJob(JobScope scope) => new ProductsJob(scope, Query, Force);
}
