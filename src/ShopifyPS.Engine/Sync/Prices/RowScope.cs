namespace ShopifyPS.Sync.Prices;

/// <summary>
/// How specific an applicable price or discount row is. Like Business Central's best-price search, a row in
/// the shop currency beats a local-currency row, and a variant row beats an item-level row; then a price for the
/// priced unit of measure beats a base-unit price (converted); only among rows of the same rank does the amount decide.
/// </summary>
internal readonly record struct RowScope(bool InShopCurrency, bool ForVariant, bool ForUnit = false)
{
    public int Rank => (InShopCurrency ? 4 : 0) + (ForVariant ? 2 : 0) + (ForUnit ? 1 : 0);

    /// <summary>The scope of a row, or null when it does not apply to this variant, currency and day at quantity 1.</summary>
    public static RowScope? Of(string currencyCode, string variantCode, DateOnly? startingDate, DateOnly? endingDate,
        decimal minimumQuantity, string pricedVariant, ShopCurrency currency, DateOnly today)
    {
        // Shopify prices are per single unit, so only rows reachable with quantity 1 apply.
        if (minimumQuantity > 1) return null;
        if (startingDate > today || endingDate < today) return null;

        bool inShopCurrency;
        if (currency.IsLocalCode(currencyCode)) inShopCurrency = false;
        else if (currency.IsShopCode(currencyCode)) inShopCurrency = true;
        else return null;

        bool forVariant;
        if (variantCode.Length == 0) forVariant = false;
        else if (pricedVariant.Length > 0 && ErpValues.SameCode(variantCode, pricedVariant)) forVariant = true;
        else return null;

        return new RowScope(inShopCurrency, forVariant);
    }

    public string Describe(string currencyCode) =>
        (ForVariant ? "variant row" : "item row") + (InShopCurrency ? $" in {currencyCode}" : "") + (ForUnit ? " for the unit" : "");
}
