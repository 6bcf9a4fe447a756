using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary><c>extensions.cost.throttleStatus</c>: the shop's leaky bucket as Shopify saw it when answering.</summary>
public sealed record ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate)
{
    public override string ToString() => $"{CurrentlyAvailable:0}/{MaximumAvailable:0} (+{RestoreRate:0.#}/s)";
}

/// <summary><c>extensions.cost</c> of one response. Actual cost is missing when the query did not run (THROTTLED).</summary>
public sealed record QueryCost(int? RequestedQueryCost, int? ActualQueryCost, ThrottleStatus? ThrottleStatus)
{
    internal static QueryCost? From(JToken? extensions)
    {
        if (extensions?["cost"] is not JObject cost) return null;
        var status = cost["throttleStatus"] is JObject s
            && s.Value<double?>("maximumAvailable") is { } max
            && s.Value<double?>("currentlyAvailable") is { } current
            && s.Value<double?>("restoreRate") is { } rate
            ? new ThrottleStatus(max, current, rate)
            : null;
        return new QueryCost(Int(cost["requestedQueryCost"]), Int(cost["actualQueryCost"]), status);
    }

    private static int? Int(JToken? token) =>
        token is JValue { Type: JTokenType.Integer or JTokenType.Float } v ? (int)Math.Ceiling(v.Value<double>()) : null;

    public override string ToString() => $"cost {RequestedQueryCost?.ToString(CultureInfo.InvariantCulture) ?? "?"} requested / {ActualQueryCost?.ToString(CultureInfo.InvariantCulture) ?? "-"} actual"
        + (ThrottleStatus is null ? "" : $", bucket {ThrottleStatus}");
}
