using ShopifyPS.Erp.Model;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Sync.Export;

/// <summary>One item as an export reads it: what the product builder needs and the price rows of the item.</summary>
public sealed class ExportItem
{
    public required ItemExportData Data { get; init; }
    public IReadOnlyList<SalesPrice> SalesPrices { get; init; } = [];
    public IReadOnlyList<SalesLineDiscount> LineDiscounts { get; init; } = [];

    public Item Item => Data.Item;

    /// <summary>What the price engine needs for the item (blank <paramref name="variantCode"/>) or one of its variants,
    /// sold in <paramref name="unit"/>.</summary>
    public PriceInputs PriceInputs(string variantCode, ItemUnit unit) => new()
    {
        Item = Data.Item,
        VariantCode = variantCode,
        Unit = unit,
        SalesPrices = SalesPrices,
        LineDiscounts = LineDiscounts,
    };
}
