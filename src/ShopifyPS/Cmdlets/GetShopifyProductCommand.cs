using System.Management.Automation;
using System.Runtime.CompilerServices;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Reads products with all their variants from the shop: all of them (or a search), by id, or by SKU; each
/// shows the item (and item variant) the connector maps it to.</summary>
[Cmdlet(VerbsCommon.Get, "ShopifyProduct", DefaultParameterSetName = QuerySet)]
[OutputType(typeof(ShopifyProduct))]
public sealed class GetShopifyProductCommand : ShopCmdlet
{
    private const string QuerySet = "Query";
    private const string IdSet = "Id";
    private const string SkuSet = "Sku";

    /// <summary>Shopify search syntax, e.g. "status:active vendor:Contoso" or "updated_at:>2026-01-01".</summary>
    [Parameter(ParameterSetName = QuerySet, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    /// <summary>Only products with a variant that is mapped to no item (or that were never imported), by the mirror's links.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    public SwitchParameter Unmapped { get; set; }

    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProductId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = SkuSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreValueCompleter))]
    public string[] Sku { get; set; } = Array.Empty<string>();

    /// <summary>Also read each product's and variant's metafields (extra calls, so only on request).</summary>
    [Parameter]
    public SwitchParameter IncludeMetafields { get; set; }

    /// <summary>The mirror whose links are shown on every product (and, with -Unmapped, decide what is listed).</summary>
    private IConnectorStore Connector => Session().Store.Connector;

    protected override void Process()
    {
        switch (ParameterSetName)
        {
            case IdSet:
                foreach (var id in Id) WriteById(id);
                break;
            case SkuSet:
                foreach (var sku in Sku) WriteBySku(sku);
                break;
            default:
                var connector = Connector;
                RunShopifyEach($"Reading products of {Shop}", (client, ct) => ProductPublications.WithPublicationsAsync(client, ListAsync(client, connector, ct), ct));
                break;
        }
    }

    private async IAsyncEnumerable<ShopifyProduct> ListAsync(ShopifyClient client, IConnectorStore connector, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new ProductReader(client);
        var total = await reader.CountAsync(Query, cancellationToken).ConfigureAwait(false);
        var progress = client.Progress;
        var done = 0;
        await foreach (var product in reader.ListAsync(Query, cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(RunEvent.Progress($"{++done} of {total} products", done, total));
            if (!Unmapped || SkuMappingService.IsUnmapped(connector, product))
                yield return MirrorLinks.Show(connector, await WithMetafieldsAsync(client, product, cancellationToken).ConfigureAwait(false));
        }
        progress?.Report(RunEvent.Verbose($"Read {done} products from {Shop}: {client.Statistics}."));
    }

    private void WriteById(string id)
    {
        if (ProductGidOrReport(id) is not { } gid) return;
        var product = RunShopify($"Reading product {gid} of {Shop}", async (client, ct) =>
        {
            var read = await new ProductReader(client).GetAsync(gid, ct).ConfigureAwait(false);
            if (read is null) return null;
            await ProductPublications.FillAsync(client, [read], ct).ConfigureAwait(false);
            return await WithMetafieldsAsync(client, read, ct).ConfigureAwait(false);
        });
        if (product is null)
            WriteRecordError(ErrorCatalog.ProductNotFound, $"Shop '{Shop}' has no product {gid}.", id);
        else
            WriteObject(MirrorLinks.Show(Connector, product));
    }

    private void WriteBySku(string sku)
    {
        var products = RunShopify($"Finding SKU {sku} in {Shop}", async (client, ct) =>
        {
            var found = await ToListAsync(new ProductReader(client).FindBySkuAsync(sku, ct)).ConfigureAwait(false);
            await ProductPublications.FillAsync(client, found, ct).ConfigureAwait(false);
            foreach (var product in found) await WithMetafieldsAsync(client, product, ct).ConfigureAwait(false);
            return found;
        });
        if (products.Count == 0)
            WriteRecordError(ErrorCatalog.ProductNotFound, $"No product in shop '{Shop}' has a variant with SKU '{sku}'.", sku);
        foreach (var product in products) WriteObject(MirrorLinks.Show(Connector, product));
    }

    private async Task<ShopifyProduct> WithMetafieldsAsync(ShopifyClient client, ShopifyProduct product, CancellationToken cancellationToken)
    {
        if (!IncludeMetafields) return product;
        await ProductMetafields.ReadProductAsync(client, product, null, cancellationToken).ConfigureAwait(false);
        await ProductMetafields.ReadVariantsAsync(client, product, cancellationToken).ConfigureAwait(false);
        return product;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false)) list.Add(item);
        return list;
    }
}
