using System.Globalization;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>Reads the value of the field the reader is at (a property name) and returns true, or returns false,
/// reader unmoved, for a field it does not take.</summary>
internal delegate bool FieldReader(ref Utf8JsonReader reader);

/// <summary>
/// Shopify's JSON read field by field with <see cref="Utf8JsonReader"/>: the one way ShopifyProduct and ShopifyVariant
/// are read, whether from a bulk export's line (a million of them for a Plus catalog, so no token tree per line) or from
/// a page's node. Values as <see cref="Json"/> takes them: Money and Decimal as decimal text (or a number), dates as
/// ISO text read as UTC when they carry no offset.
/// </summary>
internal static class JsonFields
{
    /// <summary>Reads a node of a GraphQL response (already a JObject) through <paramref name="field"/>.</summary>
    public static void Read(JObject node, FieldReader field)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(node.ToString(Formatting.None)));
        if (!EnterObject(ref reader)) return;
        while (NextField(ref reader))
            if (!field(ref reader)) reader.Skip();
    }

    /// <summary>Moves to the next value: true at the start of an object, false at a null.</summary>
    /// <exception cref="System.Text.Json.JsonException">Any other value.</exception>
    public static bool EnterObject(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        var other => throw new System.Text.Json.JsonException($"expected an object, found {other}"),
    };

    /// <summary>Inside an object: moves to the next field's name; false at the object's end.</summary>
    public static bool NextField(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.PropertyName;

    public static string? String(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? null : reader.GetString();

    public static bool? Bool(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? null : reader.GetBoolean();

    public static int? Int(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? null : reader.GetInt32();

    public static decimal? Money(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDecimal(),
        _ => decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
    };

    public static DateTimeOffset? Date(ref Utf8JsonReader reader) =>
        Next(ref reader) == JsonTokenType.Null ? null : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A list of texts (a null entry as empty text); empty when null.</summary>
    public static string[] Strings(ref Utf8JsonReader reader)
    {
        if (!EnterList(ref reader)) return [];
        var values = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray) values.Add(reader.TokenType == JsonTokenType.Null ? "" : reader.GetString()!);
        return values.ToArray();
    }

    /// <summary>Moves to the next value: true at the start of a list, false at a null.</summary>
    public static bool EnterList(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        var other => throw new System.Text.Json.JsonException($"expected a list, found {other}"),
    };

    /// <summary>Inside a list of objects: moves into the next one; false at the list's end.</summary>
    public static bool NextObject(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.EndArray => false,
        var other => throw new System.Text.Json.JsonException($"expected an object in the list, found {other}"),
    };

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new System.Text.Json.JsonException("the text ends inside a value");
}
