namespace ShopifyPS.Emulator.Search;

internal static class SearchDates
{
    /// <summary>Timestamps are searched at the precision Shopify shows them (seconds), so
    /// updated_at:&gt;'12:00:00Z' excludes a write at 12:00:00.4 as it does on Shopify.</summary>
    public static string ToSearchDate(this DateTimeOffset value) => GraphQL.Clock.Format(value);
}
