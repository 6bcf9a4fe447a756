namespace ShopifyPS.Profiles;

/// <summary>A location filter (V2) that is not valid Business Central filter syntax.</summary>
public sealed class LocationFilterException(string filter, int column, string expected)
    : ShopifyPSException(ErrorCatalog.LocationFilterInvalid, $"Location filter '{Shown(filter)}' is not valid at column {column}: expected {expected}.", filter)
{
    public string Filter { get; } = filter;
    /// <summary>1-based; one past the end when the filter stops too early.</summary>
    public int Column { get; } = column;
    public string Expected { get; } = expected;

    // A filter no one typed by hand (thousands of characters) is named by its start, not repeated whole.
    private static string Shown(string filter) => filter.Length <= 80 ? filter : $"{filter[..60]}… ({filter.Length:N0} characters)";
}
