using ShopifyPS.Erp.Model;
using static ShopifyPS.Sync.Prices.ErpValues;

namespace ShopifyPS.Sync.Prices;

/// <summary>
/// The shop currency (S6, P2): converts local-currency amounts with the exchange rate valid on the price
/// date and rounds to the currency's unit-amount precision. A blank shop currency is the local currency.
/// </summary>
internal sealed class ShopCurrency
{
    private const decimal DefaultPrecision = 0.01m;

    private readonly string _localCode;
    private readonly ExchangeRate? _rate;

    public string Code { get; }
    public bool IsLocal => _rate is null;
    public decimal Precision { get; }
    /// <summary>The local currency's unit-amount rounding precision.</summary>
    public decimal LocalPrecision { get; }

    private ShopCurrency(string code, string localCode, ExchangeRate? rate, decimal precision, decimal localPrecision)
    {
        Code = code;
        _localCode = localCode;
        _rate = rate;
        Precision = precision;
        LocalPrecision = localPrecision;
    }

    public static ShopCurrency Resolve(PriceContext context)
    {
        var local = context.LocalCurrencyCode;
        var shop = context.Settings.CurrencyCode;
        if (shop.Length == 0 || SameCode(shop, local))
            return new ShopCurrency(local, local, null, PrecisionOf(local, context.Currencies), PrecisionOf(local, context.Currencies));

        // BC takes the rate with the latest starting date on or before the date.
        var rate = context.ExchangeRates
            .Where(r => SameCode(r.CurrencyCode, shop) && r.StartingDate <= context.Today)
            .MaxBy(r => r.StartingDate);
        if (rate is null || rate.ExchangeRateAmount <= 0 || rate.RelationalExchangeRateAmount <= 0)
            throw new MissingExchangeRateException(shop, context.Today);
        return new ShopCurrency(shop, local, rate, PrecisionOf(shop, context.Currencies), PrecisionOf(local, context.Currencies));
    }

    /// <summary>Blank and the local code both mean local currency; otherwise only the shop code counts.</summary>
    public bool IsLocalCode(string code) => code.Length == 0 || SameCode(code, _localCode);

    public bool IsShopCode(string code) => !IsLocal && SameCode(code, Code);

    public decimal FromLocal(decimal amount) =>
        _rate is null ? amount : amount * _rate.ExchangeRateAmount / _rate.RelationalExchangeRateAmount;

    /// <summary>A shop-currency amount in local currency, rounded to the local precision (I8: prices and costs of items
    /// created from Shopify; Business Central's ExchangeAmtFCYToLCY).</summary>
    public decimal ToLocal(decimal amount) =>
        RoundTo(_rate is null ? amount : amount * _rate.RelationalExchangeRateAmount / _rate.ExchangeRateAmount, LocalPrecision);

    /// <summary>BC's Round(amount, precision): to the nearest multiple, halves away from zero.</summary>
    public decimal Round(decimal amount) => RoundTo(amount, Precision);

    private static decimal RoundTo(decimal amount, decimal precision) =>
        Math.Round(amount / precision, MidpointRounding.AwayFromZero) * precision;

    public string DescribeConversion() => _rate is null
        ? $"no conversion ({Code} is the local currency), rounded to {Format(Precision)}"
        : $"converted from {_localCode} to {Code} at {Format(_rate.ExchangeRateAmount)}/{Format(_rate.RelationalExchangeRateAmount)} " +
          $"(rate from {_rate.StartingDate:yyyy-MM-dd}), rounded to {Format(Precision)}";

    // A missing row or a precision of 0 means BC's default of two decimals.
    private static decimal PrecisionOf(string code, IReadOnlyList<Currency> currencies)
    {
        var precision = currencies.FirstOrDefault(c => SameCode(c.Code, code))?.UnitAmountRoundingPrecision ?? 0;
        return precision > 0 ? precision : DefaultPrecision;
    }
}
