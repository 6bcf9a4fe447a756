using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// The Admin API versions Shopify serves on a given day: one each quarter (January, April, July, October), each for at
/// least twelve months. Tab completion offers them; the profile's default is always among them.
/// </summary>
public static class ApiVersions
{
    public static IReadOnlyList<string> SupportedOn(DateOnly today)
    {
        var versions = new SortedSet<string>(StringComparer.Ordinal) { ShopProfile.DefaultApiVersion };
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        for (var release = quarter.AddMonths(-12); release <= quarter; release = release.AddMonths(3))
            versions.Add($"{release:yyyy-MM}");
        return versions.Reverse().ToList();
    }
}
