using System.Globalization;

namespace ShopifyPS.Sync.Prices;

internal static class ErpValues
{
    /// <summary>ERP codes (items, groups, currencies) are Business Central Code values: case does not matter.</summary>
    public static bool SameCode(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
