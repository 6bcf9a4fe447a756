using System.Globalization;
using Newtonsoft.Json;

namespace ShopifyPS.Storage;

/// <summary>
/// How an object is kept as JSON text in a <see cref="ScratchDatabase"/> and read back exactly as it was: strings that
/// look like dates stay strings (Newtonsoft would turn them into dates and back into other text), and decimals keep
/// exactly their digits (Newtonsoft would write 2 as 2.0, and what ShopifyPS records as sent compares values as text).
/// </summary>
internal static class ScratchJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, Converters = [new ExactDecimals()],
    };

    public static string Write(object value) => JsonConvert.SerializeObject(value, Settings);

    public static T Read<T>(string text) => JsonConvert.DeserializeObject<T>(text, Settings)!;

    private sealed class ExactDecimals : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(decimal) || objectType == typeof(decimal?);

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is decimal amount) writer.WriteRawValue(amount.ToString(CultureInfo.InvariantCulture));
            else writer.WriteNull();
        }

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            reader.TokenType == JsonToken.Null ? null : Convert.ToDecimal(reader.Value, CultureInfo.InvariantCulture);
    }
}
