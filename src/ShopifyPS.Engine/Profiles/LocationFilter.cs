namespace ShopifyPS.Profiles;

/// <summary>
/// A shop location's filter over ERP location codes in Business Central filter syntax (V2): <c>EAST|WEST</c>,
/// ranges <c>A..C</c>, <c>..C</c>, <c>A..</c>, wildcards <c>*</c> and <c>?</c>, <c>&lt;&gt;X</c>, <c>&lt; &lt;= &gt; &gt;= =</c>,
/// <c>&amp;</c>, parentheses, <c>''</c> (blank), quoted text and <c>@</c>. An empty filter matches every location.
/// Location codes are BC Code values, so matching ignores case (see docs/architecture.md, "Location filters").
/// </summary>
public sealed class LocationFilter
{
    private readonly Func<string, bool> _matches;

    private LocationFilter(string text, Func<string, bool> matches)
    {
        Text = text;
        _matches = matches;
    }

    /// <summary>The filter as written.</summary>
    public string Text { get; }

    public static LocationFilter All { get; } = new("", _ => true);

    /// <exception cref="LocationFilterException">The filter is not valid; it names the column and what was expected there.</exception>
    public static LocationFilter Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? All : new LocationFilter(text, new LocationFilterParser(text).ParseFilter());

    public bool Matches(string? code) => _matches(LocationFilterParser.Normalize(code ?? ""));

    public override string ToString() => Text;
}
