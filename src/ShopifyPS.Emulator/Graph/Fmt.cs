using System.Globalization;
using System.Text.RegularExpressions;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Graph;

/// <summary>Output formats of Shopify scalars and small value objects.</summary>
internal static partial class Fmt
{
    /// <summary>Money scalar: a decimal string with at least two decimals ("10.00").</summary>
    public static string Money(decimal value)
    {
        var s = value.ToString("0.00##########", CultureInfo.InvariantCulture);
        return s;
    }

    /// <summary>Decimal scalar (MoneyV2.amount): at least one decimal ("10.0").</summary>
    public static string Decimal(decimal value) => value.ToString("0.0###########", CultureInfo.InvariantCulture);

    public static GraphMap MoneyV2(decimal amount, ShopStore store) =>
        new("MoneyV2", ("amount", Decimal(amount)), ("currencyCode", store.Currency));

    public static GraphMap Count(int count) => new("Count", ("count", count), ("precision", "EXACT"));

    public static string Legacy(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string StripHtml(string html) => HtmlTag().Replace(html, "").Trim();

    public static string Truncate(string text, int? max) => max is { } m && text.Length > m ? text[..m] : text;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}
