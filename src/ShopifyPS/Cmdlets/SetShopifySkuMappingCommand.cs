using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Manual mapping (I7): maps Shopify variants, named by variant id, product id, SKU or piped products,
/// variants, sync results or CSV rows, to an item or item variant in the connector's mirror. The next import keeps the mapping.</summary>
[Cmdlet(VerbsCommon.Set, "ShopifySkuMapping", SupportsShouldProcess = true, DefaultParameterSetName = VariantSet)]
[Alias("Set-SkuMapping")]
[OutputType(typeof(SyncResult))]
public sealed class SetShopifySkuMappingCommand : SkuMappingCmdlet
{
    private const string VariantSet = "VariantId";
    private const string ProductSet = "ProductId";
    private const string SkuSet = "Sku";
    private const string InputSet = "InputObject";


    /// <summary>Shopify variant id (gid://shopify/ProductVariant/...); Id binds it from piped variants.</summary>
    [Parameter(ParameterSetName = VariantSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string VariantId { get; set; } = "";

    /// <summary>Shopify product id: maps the product and its variants.</summary>
    [Parameter(ParameterSetName = ProductSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ProductId { get; set; } = "";

    /// <summary>Every mirrored variant with exactly this SKU.</summary>
    [Parameter(ParameterSetName = SkuSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string Sku { get; set; } = "";

    /// <summary>A product as Get-ShopifyProduct writes it (its variants bind -VariantId by their Id).</summary>
    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    public ShopifyProduct? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("No")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string ItemNo { get; set; } = "";

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string VariantCode { get; set; } = "";

    /// <summary>Map even when the Shopify variant or the item variant is mapped elsewhere.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <summary>Writes the mapping results.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var (what, variants) = Target();
        if (what is null) return;
        if (variants.Count == 0)
        {
            WriteRecordError(ErrorCatalog.VariantNotMirrored,
                $"{what} is not among the imported products of shop '{Shop}'. Import it first: Sync-ShopifyProduct -Shop {Shop} -ProductId <id>, or pipe it from Get-ShopifyProduct.", what);
            return;
        }
        var to = VariantCode.Length > 0 ? $"item {ItemNo}, variant {VariantCode}" : $"item {ItemNo}";
        if (!ShouldChange(what, $"Map to {to}", Force, plans: true)) return;
        try
        {
            var results = Service().Map(variants, ItemNo, VariantCode, Force);
            if (PassThru || WhatIfRequested) WriteObject(results, enumerateCollection: true);
        }
        catch (MappingRefusedException ex)
        {
            WriteRecordError(ex.Error, ex.Message, what, ex);
        }
    }

    /// <summary>What the user named and its mirrored variants (null when it was reported as an error).</summary>
    private (string? What, IReadOnlyList<ShopVariant> Variants) Target()
    {
        var service = Service();
        switch (ParameterSetName)
        {
            case VariantSet: return ($"Shopify variant {VariantId}", service.Variants(variantId: VariantId));
            case SkuSet: return ($"SKU '{Sku}'", service.Variants(sku: Sku));
            case ProductSet:
                try
                {
                    var gid = ProductReader.ProductGid(ProductId);
                    return ($"Shopify product {gid}", service.Variants(productId: gid));
                }
                catch (ArgumentException ex)
                {
                    WriteRecordError(ErrorCatalog.ProductIdInvalid, ex.Message, ProductId, ex);
                    return (null, []);
                }
        }
        // Piped straight from Shopify: its mirror rows are brought up to date first.
        var product = InputObject!;
        if (!WhatIfRequested) service.Refresh(product);
        return ($"Shopify product {product.Title} ({product.Id})", service.Variants(productId: product.Id));
    }
}
