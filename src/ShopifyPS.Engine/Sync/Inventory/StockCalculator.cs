using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Inventory;

/// <summary>
/// The stock figure for one Shopify location (V4): Quantity is what Shopify gets (whole units, never below 0);
/// Calculated is the ERP sum before rounding; WasNegative tells the caller to warn that it sent 0 instead.
/// </summary>
public sealed record StockFigure(int Quantity, decimal Calculated, bool WasNegative);

public static class StockCalculator
{
    /// <summary>
    /// Sums the location's stock calculation over the stock rows whose ERP location the filter matches. A blank
    /// variant code sums every variant of the item, as Business Central does for a product without variants.
    /// Returns null when there is no figure: the location is Disabled, or the item is a non-inventory or
    /// service item (as in Business Central's GetStock). Stock is kept in base units; a variant sold in a unit of several gets
    /// the whole units the stock fills (<paramref name="qtyPerUnit"/>: 30 pieces are 2 boxes of 12).
    /// </summary>
    public static StockFigure? Calculate(StockCalculation calculation, LocationFilter filter, Item item, string variantCode,
        IEnumerable<StockEntry> stock, decimal qtyPerUnit = 1)
    {
        if (calculation == StockCalculation.Disabled || item.Type != ItemType.Inventory) return null;

        var sum = stock
            .Where(row => SameCode(row.ItemNo, item.No)
                && (variantCode.Length == 0 || SameCode(row.VariantCode, variantCode))
                && filter.Matches(row.LocationCode))
            .Sum(row => calculation == StockCalculation.FreeInventory ? row.FreeInventory : row.ProjectedAvailableBalance) / qtyPerUnit;

        // Shopify counts whole units: BC rounds down (Round(stock, 1, '<')) and then sends at least 0.
        var whole = (int)Math.Floor(sum);
        return whole < 0 ? new StockFigure(0, sum, WasNegative: true) : new StockFigure(whole, sum, WasNegative: false);
    }

    // Compared as trimmed spans: this runs for every stock row of every level, so it allocates nothing.
    private static bool SameCode(string a, string b) => a.AsSpan().Trim().Equals(b.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
