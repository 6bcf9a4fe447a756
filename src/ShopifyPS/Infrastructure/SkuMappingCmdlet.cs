using ShopifyPS.Storage;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>A cmdlet that maps Shopify variants to items (Find-/Set-ShopifySkuMapping): one mapping service per shop
/// session, made again when the records move on to another shop.</summary>
public abstract class SkuMappingCmdlet : ShopCmdlet
{
    private SkuMappingService? _service;
    private string? _serviceShop;

    protected override StoreAccess Access => StoreAccess.Write;

    protected SkuMappingService Service() =>
        _service is { } cached && _serviceShop == Shop ? cached : _service = new SkuMappingService(Session(_serviceShop = Shop));
}
