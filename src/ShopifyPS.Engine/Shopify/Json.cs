using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>Shopify's JSON as it is: dates stay strings until asked for (Newtonsoft would turn them into local DateTimes), Money and Decimal are decimal strings.</summary>
internal static class Json
{
    public static JObject ParseObject(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static decimal? Money(JToken? token) =>
        token is null || token.Type == JTokenType.Null ? null : decimal.Parse(token.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Date(JToken? token) =>
        token is null || token.Type == JTokenType.Null
            ? null
            : DateTimeOffset.Parse(token.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
