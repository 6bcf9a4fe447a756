using System.Globalization;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>Shopify's timestamp format: ISO 8601 in UTC with second precision, e.g. 2026-04-01T12:00:00Z.</summary>
internal static class Clock
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
