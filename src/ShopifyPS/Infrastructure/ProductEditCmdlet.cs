using System.Management.Automation;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>A cmdlet that changes single products of a shop (Set-/Remove-ShopifyProduct): each product id from the
/// pipeline is one <see cref="ProductEditor"/> call, written as a <see cref="SyncResult"/> (planned under -WhatIf).</summary>
public abstract class ProductEditCmdlet : ShopCmdlet
{
    protected override StoreAccess Access => StoreAccess.Write;

    /// <summary>The product: gid://shopify/Product/N or N (Get-ShopifyProduct's Id, a SyncResult's ProductId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[] ProductId { get; set; } = [];

    /// <summary>Runs <paramref name="edit"/> for each product id the user confirms, and writes its result.</summary>
    protected void EditEach(string action, Func<ProductEditor, string, CancellationToken, Task<SyncResult>> edit, bool force = false)
    {
        foreach (var id in ProductId)
        {
            if (ProductGidOrReport(id) is not { } gid) continue;
            if (!ShouldChange($"product {gid} of shop {Shop}", action, force, plans: true)) continue;
            var session = Session();
            var result = Run($"{action}: {gid}", (_, ct) => edit(new ProductEditor(session), gid, ct));
            WriteObject(result);
            if (result.Action == SyncAction.Failed)
                WriteRecordError(result.ErrorId ?? ErrorCatalog.ProductChangeFailed, result.Message, gid);
        }
    }
}
