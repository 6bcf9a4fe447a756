using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Erp;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Lists items from the item store with their variants, barcodes and (with -Shop) their mapping.</summary>
[Cmdlet(VerbsCommon.Get, "ShopifyItem")]
[OutputType(typeof(ErpItem))]
public sealed class GetShopifyItemCommand : StoreCmdlet
{
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

    /// <summary>Only items mapped to no product or variant in the -Shop shop.</summary>
    [Parameter] public SwitchParameter Unmapped { get; set; }

    protected override void Begin()
    {
        if (Unmapped && Shop is null)
            throw Terminate(ErrorCatalog.ShopRequired, "-Unmapped needs -Shop: items are mapped per shop.", null);
    }

    protected override void Process()
    {
        var store = OpenStore(StoreAccess.Read);
        var catalog = new ItemCatalog(store.Erp, store.Connector);
        var query = new ItemQuery { No = No ?? [], ItemCategoryCode = ItemCategoryCode ?? [] };
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in catalog.Find(query, Shop, Unmapped))
        {
            Cancellation.ThrowIfCancellationRequested();
            found.Add(item.No);
            WriteObject(item);
        }
        foreach (var no in (No ?? []).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !found.Contains(n)))
        {
            // An item filtered out by -Unmapped or -ItemCategoryCode is not missing.
            if (Unmapped || ItemCategoryCode is not null) continue;
            WriteRecordError(ErrorCatalog.ItemNotFound,
                $"No item '{no}' in {DatabasePath}. Load items with Import-ShopifyErpData or create one with Set-ShopifyItem.", no);
        }
    }
}
