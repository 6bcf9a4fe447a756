using ShopifyPS.Erp.Model;
using ShopifyPS.Sync;

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
    /// <summary>The unit to price (null = the base unit): rows for that unit as they are, base-unit rows and the item
    /// card's price and cost times its quantity.</summary>
    public ItemUnit? Unit { get; init; }
    public IReadOnlyList<SalesPrice> SalesPrices { get; init; } = [];
    public IReadOnlyList<SalesLineDiscount> LineDiscounts { get; init; } = [];
}
