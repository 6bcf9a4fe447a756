using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// The price, compare-at price and cost last sent for one Shopify variant (P1), kept as the variant's content record
/// (<c>ContentKind.Variant</c>): a price sync sends a variant only when they differ, and says what changes from what.
/// </summary>
public sealed record VariantPrices(decimal Price, decimal? CompareAtPrice, decimal UnitCost)
{
    public static VariantPrices From(PriceResult result) => new(result.Price, result.CompareAtPrice, result.UnitCost);

    public static VariantPrices From(VariantDraft variant) => new(variant.Price, variant.CompareAtPrice, variant.UnitCost);

    /// <summary>The stored form, e.g. <c>price=2699.00;compareAt=2999.00;cost=1250.00</c>.</summary>
    public string Format() =>
        $"price={ProductSetInput.Money(Price)};compareAt={(CompareAtPrice is { } c ? ProductSetInput.Money(c) : "")};cost={ProductSetInput.Money(UnitCost)}";

    /// <summary>The stored record, or null when there is none or it is not in this form.</summary>
    public static VariantPrices? Parse(string? stored)
    {
        if (stored is null) return null;
        var fields = stored.Split(';').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        if (!fields.TryGetValue("price", out var price) || !fields.TryGetValue("compareAt", out var compareAt) || !fields.TryGetValue("cost", out var cost))
            return null;
        return new VariantPrices(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture),
            compareAt.Length == 0 ? null : decimal.Parse(compareAt, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What differs from <paramref name="old"/> (all of it when nothing was sent before): "price 2999.00 → 2699.00".</summary>
    public IReadOnlyList<string> Changes(VariantPrices? old)
    {
        var changes = new List<string>();
        if (old?.Price != Price) changes.Add($"price {Show(old?.Price)} → {Show(Price)}");
        if (old is null || old.CompareAtPrice != CompareAtPrice) changes.Add($"compare-at {Show(old?.CompareAtPrice)} → {Show(CompareAtPrice)}");
        if (old?.UnitCost != UnitCost) changes.Add($"cost {Show(old?.UnitCost)} → {Show(UnitCost)}");
        return changes;
    }

    private static string Show(decimal? amount) => amount is { } a ? ProductSetInput.Money(a) : "none";
}
