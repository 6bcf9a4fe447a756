using System.Globalization;

namespace ShopifyPS.Erp;

/// <summary>
/// Reads a number typed or exported in a culture: <c>Export-Csv</c> under nb-NO writes 0.62 as <c>0,62</c>, and
/// reading that back with the invariant culture (where ',' groups thousands) would store 62. A text is taken in the
/// current culture, or in the invariant one (the data set's format) when its '.' cannot be a thousands separator of
/// the current culture; group separators are never accepted (no export writes them), so a text that could mean two
/// amounts is refused instead of guessed.
/// </summary>
public static class CultureNumber
{
    private const NumberStyles Plain = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The number, or null with <paramref name="problem"/> saying why the text is not one.</summary>
    public static decimal? Parse(string text, CultureInfo culture, out string problem)
    {
        problem = "";
        if (decimal.TryParse(text, Plain, culture, out var local)) return local;
        if (culture.NumberFormat.NumberGroupSeparator != "." && decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out var invariant))
            return invariant;
        var format = culture.NumberFormat;
        problem = $"'{text}' is not a number in the current culture ({culture.Name}), whose decimal separator is '{format.NumberDecimalSeparator}'" +
            $" and whose thousands separator is '{format.NumberGroupSeparator}'; thousands separators are not accepted, because they make " +
            $"'12,50' mean 1250 in one culture and 12.5 in another. Write it like 1234{format.NumberDecimalSeparator}50.";
        return null;
    }
}
