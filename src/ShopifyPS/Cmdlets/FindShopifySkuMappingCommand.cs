using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Try Find Mapping (I7): maps the unmapped variants of the given products, or of every mirrored product,
/// by the shop's SKU rules; one result per variant says what it was mapped to or why it stays unmapped.</summary>
[Cmdlet(VerbsCommon.Find, "ShopifySkuMapping", SupportsShouldProcess = true, DefaultParameterSetName = AllSet)]
[OutputType(typeof(SyncResult))]
public sealed class FindShopifySkuMappingCommand : SkuMappingCmdlet
{
    private const string AllSet = "All";
    private const string ProductSet = "Product";
    private const string IdSet = "Id";


    /// <summary>Products as Get-ShopifyProduct writes them: their mirror rows are refreshed from them first.</summary>
    [Parameter(ParameterSetName = ProductSet, Mandatory = true, ValueFromPipeline = true)]
    public ShopifyProduct[] InputObject { get; set; } = [];

    /// <summary>Products by id (gid or number); one not imported yet is read from Shopify.</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] ProductId { get; set; } = [];

    protected override void Process()
    {
        switch (ParameterSetName)
        {
            case ProductSet:
                foreach (var product in InputObject)
                    if (Proceed($"{product.Title} ({product.Id})", "Find the SKU mapping of its variants")) Write(Service().Find(product));
                break;
            case IdSet:
                foreach (var id in ProductId) FindById(id);
                break;
        }
    }

    protected override void End()
    {
        if (ParameterSetName != AllSet || !Proceed($"every unmapped product of {Shop}", "Find the SKU mapping of their unmapped variants")) return;
        Write(Service().FindAllUnmapped());
    }

    private void FindById(string id)
    {
        if (ProductGidOrReport(id) is not { } gid) return;
        if (!Proceed(gid, "Find the SKU mapping of its variants")) return;
        var results = Service().FindMirrored(gid);
        if (results is null)
        {
            var product = RunShopify($"Reading product {gid} of {Shop}", (client, ct) => new ProductReader(client).GetAsync(gid, ct));
            if (product is null)
            {
                WriteRecordError(ErrorCatalog.ProductNotFound, $"Shop '{Shop}' has no product {gid}.", id);
                return;
            }
            results = Service().Find(product);
        }
        Write(results);
    }

    /// <summary>-WhatIf runs the search and writes what it would map (Planned), saving nothing; otherwise -Confirm may ask.</summary>
    private bool Proceed(string target, string action) => ShouldChange(target, action, plans: true);

    private void Write(IEnumerable<SyncResult> results)
    {
        foreach (var result in results) WriteObject(result);
    }
}
