using System.Text.Json;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>Turns request JSON (variables) into the plain dictionaries/lists GraphQL.NET coerces.</summary>
internal static class JsonInput
{
    public static Dictionary<string, object?> ToDictionary(JsonElement obj)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject()) d[p.Name] = ToValue(p.Value);
        return d;
    }

    public static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(e),
        JsonValueKind.Array => e.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        // Boxed separately: a conditional expression would widen every number to decimal.
        JsonValueKind.Number => e.TryGetInt32(out var i) ? (object)i : e.TryGetInt64(out var l) ? l : e.GetDecimal(),
        _ => null,
    };
}
