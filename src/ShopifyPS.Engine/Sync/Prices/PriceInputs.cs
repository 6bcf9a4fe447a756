using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Prices;

/// <summary>
/// One item (or item variant) to price, with the candidate price and discount rows. Rows that do not apply
/// (another item, source, currency, variant, date or a minimum quantity above 1) may be included; the engine
/// leaves them out itself.
/// </summary>
public sealed class PriceInputs
{
    public required Item Item { get; init; }
    /// <summary>Blank for an item without variants.</summary>
    public string VariantCode { get; init; } = "";
    public IReadOnlyList<SalesPrice> SalesPrices { get; init; } = [];
    public IReadOnlyList<SalesLineDiscount> LineDiscounts { get; init; } = [];
}
