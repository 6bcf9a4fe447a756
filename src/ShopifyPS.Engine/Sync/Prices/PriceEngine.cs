using ShopifyPS.Erp.Model;
using static ShopifyPS.Sync.Prices.ErpValues;

namespace ShopifyPS.Sync.Prices;

/// <summary>
/// Calculates the Shopify price, compare-at price and cost of one item or variant (E2, P2–P4, S6), the way
/// Business Central prices a quantity-1 sales line for the shop's customer price group, customer discount
/// group, customer template and currency. Pure: every input is passed in; nothing is read or written.
/// Creating the engine checks the shop-wide setup (currency, exchange rate, customer template) and throws a
/// <see cref="PriceCalculationException"/> when it is unusable; Calculate throws one (ShopifyVatSetupMissing) only for
/// the item concerned.
/// </summary>
public sealed class PriceEngine
{
    private readonly PriceContext _context;
    private readonly ShopCurrency _currency;
    private readonly TaxBasis _tax;

    public PriceEngine(PriceContext context)
    {
        _context = context;
        _currency = ShopCurrency.Resolve(context);
        _tax = TaxBasis.Resolve(context);
    }

    /// <summary>The engine of a sync run: the shop's price settings over the store's setup tables, valid on the run's day.</summary>
    public static PriceEngine ForShop(ShopSession context) =>
        new(PriceContext.Load(context.Store.Erp, context.Profile.Prices, context.Today));

    public PriceResult Calculate(PriceInputs inputs)
    {
        var item = inputs.Item;
        var discount = BestDiscount(inputs);
        var (chosen, why) = ChoosePrice(inputs, discount);
        var steps = new List<string> { why };

        var price = LineAmount(chosen, discount);
        if (discount is not null)
            steps.Add(!_tax.AllowLineDisc ? $"{discount.Source} not applied: the customer template does not allow line discounts"
                : !chosen.AllowLineDisc ? $"{discount.Source} not applied: the sales price does not allow line discounts"
                : $"{discount.Source} applied");
        steps.Add(_currency.DescribeConversion());
        steps.Add(_tax.Describe());

        var unitCost = _currency.Round(_currency.FromLocal(item.UnitCost * PerUnit(inputs)));
        decimal? compareAt = chosen.UnitPrice > price ? chosen.UnitPrice : null;
        var summary = $"price {Format(price)}" +
            (compareAt is null ? "" : $", compare-at {Format(compareAt.Value)}") +
            $", cost {Format(unitCost)} {_currency.Code}";
        return new PriceResult(price, compareAt, unitCost, _currency.Code, summary + ": " + string.Join("; ", steps));
    }

    /// <summary>The unit price to start from, and why it was chosen.</summary>
    private (PriceCandidate Chosen, string Why) ChoosePrice(PriceInputs inputs, Discount? discount)
    {
        var item = inputs.Item;
        var itemCard = Candidate(Converted("item card", inputs), item.UnitPrice * PerUnit(inputs), item.PriceIncludesVat, allowLineDisc: true, default, item);
        var salesPrice = PriceRows(inputs)
            .OrderByDescending(c => c.Scope.Rank)
            .ThenBy(c => LineAmount(c, discount))
            .FirstOrDefault();

        if (salesPrice is null)
            return (itemCard, $"unit price {Format(itemCard.UnitPrice)} from the {itemCard.Source} (no sales price applies)");
        // SPEC E2/P3 lowest-price rule; an item card price of 0 means "no price" and never wins.
        if (item.UnitPrice > 0 && LineAmount(itemCard, discount) < LineAmount(salesPrice, discount))
            return (itemCard, $"unit price {Format(itemCard.UnitPrice)} from the {itemCard.Source}, " +
                $"lower than the {salesPrice.Source} ({Format(salesPrice.UnitPrice)})");
        return (salesPrice, $"unit price {Format(salesPrice.UnitPrice)} from the {salesPrice.Source}");
    }

    private sealed record PriceCandidate(string Source, decimal UnitPrice, bool AllowLineDisc, RowScope Scope);

    private sealed record Discount(decimal Percent, string Source);

    private IEnumerable<PriceCandidate> PriceRows(PriceInputs inputs)
    {
        var item = inputs.Item;
        var priceGroup = _context.Settings.CustomerPriceGroup;
        foreach (var row in inputs.SalesPrices)
        {
            if (!SameCode(row.ItemNo, item.No)) continue;
            var source = row.SourceType switch
            {
                SalesPriceSourceType.AllCustomers => "all-customers price",
                SalesPriceSourceType.CustomerPriceGroup when priceGroup.Length > 0 && SameCode(row.SourceCode, priceGroup)
                    => $"customer price group {priceGroup} price",
                _ => null,
            };
            if (source is null) continue;
            if (RowScope.Of(row.CurrencyCode, row.VariantCode, row.StartingDate, row.EndingDate, row.MinimumQuantity,
                    inputs.VariantCode, _currency, _context.Today) is not { } scope) continue;
            // A row for another unit than the one priced never applies (Business Central filters the unit, or blank).
            var forUnit = inputs.Unit is { } unit && !IsBaseUnit(unit.Code, item) && ItemUnits.Same(row.UnitOfMeasure, unit.Code);
            if (!forUnit && !IsBaseUnit(row.UnitOfMeasure, item)) continue;
            scope = scope with { ForUnit = forUnit };
            var described = $"{source} ({scope.Describe(_currency.Code)})";
            yield return forUnit
                ? Candidate(described, row.UnitPrice, row.PriceIncludesVat, row.AllowLineDisc, scope, item)
                : Candidate(Converted(described, inputs), row.UnitPrice * PerUnit(inputs), row.PriceIncludesVat, row.AllowLineDisc, scope, item);
        }
    }

    private Discount? BestDiscount(PriceInputs inputs)
    {
        var item = inputs.Item;
        var discountGroup = _context.Settings.CustomerDiscountGroup;
        var best = inputs.LineDiscounts
            .Select(row =>
            {
                var target = row.Type switch
                {
                    LineDiscountType.Item when SameCode(row.Code, item.No) => $"item {item.No}",
                    LineDiscountType.ItemDiscGroup when item.ItemDiscGroup.Length > 0 && SameCode(row.Code, item.ItemDiscGroup)
                        => $"item discount group {item.ItemDiscGroup}",
                    _ => null,
                };
                var source = row.SourceType switch
                {
                    LineDiscountSourceType.AllCustomers => "all customers",
                    LineDiscountSourceType.CustomerDiscGroup when discountGroup.Length > 0 && SameCode(row.SourceCode, discountGroup)
                        => $"customer discount group {discountGroup}",
                    _ => null,
                };
                var scope = RowScope.Of(row.CurrencyCode, row.VariantCode, row.StartingDate, row.EndingDate,
                    row.MinimumQuantity, inputs.VariantCode, _currency, _context.Today);
                return (row, scope, text: target is null || source is null ? null : $"{target}, {source}");
            })
            .Where(c => c.text is not null && c.scope is not null && c.row.LineDiscountPercent > 0)
            .OrderByDescending(c => c.scope!.Value.Rank)
            .ThenByDescending(c => c.row.LineDiscountPercent)
            .FirstOrDefault();
        return best.text is null ? null
            : new Discount(best.row.LineDiscountPercent,
                $"line discount {Format(best.row.LineDiscountPercent)}% ({best.text}, {best.scope!.Value.Describe(_currency.Code)})");
    }

    /// <summary>A stored price on the shop's tax basis, in the shop currency, rounded like BC's unit price.</summary>
    private PriceCandidate Candidate(string source, decimal stored, bool storedInclVat, bool allowLineDisc, RowScope scope, Item item)
    {
        var (onBasis, note) = _tax.ToShopBasis(stored, storedInclVat, item);
        var unitPrice = _currency.Round(scope.InShopCurrency ? onBasis : _currency.FromLocal(onBasis));
        return new PriceCandidate(note is null ? source : $"{source}, {note}", unitPrice, allowLineDisc, scope);
    }

    private static decimal PerUnit(PriceInputs inputs) => inputs.Unit?.QtyPerUnit ?? 1;

    private static bool IsBaseUnit(string unit, Item item) => unit.Length == 0 || ItemUnits.Same(unit, item.BaseUnitOfMeasure);

    /// <summary>A base-unit price used for a unit of several: says so, as "item card × 12 per BOX".</summary>
    private static string Converted(string source, PriceInputs inputs) => inputs.Unit is { QtyPerUnit: not 1 } unit
        ? $"{source} × {Format(unit.QtyPerUnit)} per {unit.Code}"
        : source;

    /// <summary>What one unit costs the customer (BC's line amount at quantity 1): the discount is rounded first.</summary>
    private decimal LineAmount(PriceCandidate candidate, Discount? discount)
    {
        if (discount is null || !candidate.AllowLineDisc || !_tax.AllowLineDisc) return candidate.UnitPrice;
        return candidate.UnitPrice - _currency.Round(candidate.UnitPrice * discount.Percent / 100);
    }
}
