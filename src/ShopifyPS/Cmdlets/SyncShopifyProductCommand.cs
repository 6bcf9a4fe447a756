using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Sync Products (S1): with syncItem FromShopify imports the shop's products into the mirror and maps,
/// creates or updates items (I1–I9); one result per Shopify variant.</summary>
[Cmdlet(VerbsData.Sync, "ShopifyProduct", SupportsShouldProcess = true)]
[OutputType(typeof(SyncResult))]
public sealed class SyncShopifyProductCommand : SyncCmdlet
{
    private readonly List<string> _productIds = [];

    /// <summary>Only these products (gid or number); accepts ProductId or Id from the pipeline.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[]? ProductId { get; set; }

    /// <summary>Only the products matching this Shopify search.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ProductId ?? [])
        {
            try
            {
                _productIds.Add(ProductReader.ProductGid(id));
            }
            catch (ArgumentException ex)
            {
                WriteRecordError("ShopifyProductIdInvalid", ErrorCategory.InvalidArgument, ex.Message, id, ex);
            }
        }
    }

    protected override void EndProcessing()
    {
        // Ids were bound but none was valid: there is nothing to narrow to, and reading the whole shop was not asked for.
        if (IsBound(nameof(ProductId)) && _productIds.Count == 0) return;
        var profile = Profile;
        switch (profile.Items.SyncItem)
        {
            case SyncItemMode.FromShopify:
                var options = new ImportOptions { ProductIds = _productIds.Distinct().ToList(), Query = Query };
                RunSync(SyncKind.Products, $"Importing products of {profile.Name}", (context, ct) => ProductImportJob.RunAsync(context, options, ct));
                break;
            case SyncItemMode.ToShopify:
                throw Terminate("ShopifySyncDirectionUnavailable", ErrorCategory.NotImplemented,
                    $"Shop '{profile.Name}' has syncItem ToShopify, and this build of ShopifyPS exports products with Add-ShopifyItem only.", Shop);
            default:
                throw Terminate("ShopifySyncItemDisabled", ErrorCategory.InvalidOperation,
                    $"Shop '{profile.Name}' has syncItem Disabled, so Sync-ShopifyProduct has nothing to do. Set the direction: Set-ShopifyShop {profile.Name} -SyncItem FromShopify (or ToShopify).", Shop);
        }
    }
}
