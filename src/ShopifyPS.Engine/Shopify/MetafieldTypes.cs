using System.Globalization;
using System.Text.RegularExpressions;

namespace ShopifyPS.Shopify;

/// <summary>
/// Shopify's metafield rules that ShopifyPS checks before it sends (metafieldsSet is atomic: one refused value refuses
/// the whole call): the namespace and key ("3-255" and "2-64 characters long", alphanumeric, hyphen and underscore;
/// MetafieldsSetInput), the types an ERP value can be sent as, and each type's value format (Shopify's list of metafield
/// types). Other Shopify types (references, measurements, money, lists) take values an ERP column or attribute does not hold.
/// </summary>
public static partial class MetafieldTypes
{
    public const string SingleLineText = "single_line_text_field";
    public const string MultiLineText = "multi_line_text_field";
    public const string Integer = "number_integer";
    public const string Decimal = "number_decimal";
    public const string Boolean = "boolean";
    public const string Date = "date";
    public const string Url = "url";

    /// <summary>The types an ERP value is sent as.</summary>
    public static readonly IReadOnlyList<string> Mappable = [SingleLineText, MultiLineText, Integer, Decimal, Boolean, Date, Url];

    /// <summary>Shopify's other metafield types (each also as list.&lt;type&gt;), to tell "not for ERP values" from a typo.</summary>
    private static readonly HashSet<string> Other = new(StringComparer.Ordinal)
    {
        "color", "date_time", "dimension", "volume", "weight", "rating", "json", "money", "rich_text_field", "link", "id",
        "file_reference", "product_reference", "variant_reference", "collection_reference", "page_reference",
        "metaobject_reference", "mixed_reference", "customer_reference", "company_reference", "product_taxonomy_value_reference",
    };

    /// <summary>Shopify's range of number_integer (JavaScript's safe integers).</summary>
    public const long MaxInteger = 9_007_199_254_740_991;

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Identifier();

    /// <summary>Why Shopify would refuse the namespace; null when it takes it.</summary>
    public static string? NamespaceProblem(string value) => IdentifierProblem("namespace", value, 3, 255);

    /// <summary>Why Shopify would refuse the key; null when it takes it.</summary>
    public static string? KeyProblem(string value) => IdentifierProblem("key", value, 2, 64);

    /// <summary>Why ShopifyPS cannot send ERP values as this type; null for a mappable type.</summary>
    public static string? TypeProblem(string type)
    {
        if (Mappable.Contains(type)) return null;
        var known = Other.Contains(type) || type.StartsWith("list.", StringComparison.Ordinal) && (Other.Contains(type[5..]) || Mappable.Contains(type[5..]));
        return known
            ? $"The metafield type '{type}' takes values an ERP column or attribute does not hold; use one of {string.Join(", ", Mappable)}."
            : $"'{type}' is not a Shopify metafield type; use one of {string.Join(", ", Mappable)}.";
    }

    /// <summary>The value as Shopify stores it for the type, or null with why it would be refused.</summary>
    public static (string? Value, string? Problem) Convert(string type, string value) => type switch
    {
        SingleLineText when value.Contains('\n') || value.Contains('\r') => (null, "a single line of text, without line breaks"),
        Integer when long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) && Math.Abs(whole) <= MaxInteger
            => (whole.ToString(CultureInfo.InvariantCulture), null),
        Integer => (null, $"a whole number from -{MaxInteger} to {MaxInteger}"),
        Decimal when decimal.TryParse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            => (number.ToString(CultureInfo.InvariantCulture), null),
        Decimal => (null, "a number with . as the decimal point"),
        Boolean when bool.TryParse(value.Trim(), out var flag) => (flag ? "true" : "false", null),
        Boolean => (null, "true or false"),
        Date when DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            => (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
        Date => (null, "a date written yyyy-MM-dd"),
        Url when Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "sms" or "tel"
            => (value.Trim(), null),
        Url => (null, "an absolute URL (http, https, mailto, sms or tel)"),
        _ => (value, null),
    };

    private static string? IdentifierProblem(string what, string value, int min, int max) =>
        value.Length < min || value.Length > max || !Identifier().IsMatch(value)
            ? $"The metafield {what} '{value}' must be {min} to {max} characters of letters, digits, hyphens and underscores."
            : null;
}
