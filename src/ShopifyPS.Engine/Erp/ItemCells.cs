using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Erp;

/// <summary>
/// Reads the text form of an item's variants or barcodes: the JSON that <see cref="ErpItem"/> prints (so a cell
/// written by <c>Export-Csv</c> comes back as it was), or a plain value (a variant code, a barcode). Blank is an
/// empty list.
/// </summary>
public static class ItemCells
{
    /// <param name="text">The cell.</param>
    /// <param name="plainColumn">The column a plain value fills: <c>Code</c> for variants, <c>ReferenceNo</c> for barcodes.</param>
    /// <exception cref="ArgumentException">The text looks like JSON but is not a JSON object or array of objects.</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Parse(string text, string plainColumn)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return [];
        if (trimmed[0] is not ('[' or '{')) return [new Dictionary<string, object?> { [plainColumn] = text }];
        JToken json;
        try
        {
            // Dates and decimals stay as written: a description that looks like a date is still text.
            using var reader = new JsonTextReader(new StringReader(trimmed)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            json = JToken.ReadFrom(reader);
        }
        catch (JsonReaderException ex)
        {
            throw new ArgumentException($"'{text}' is not valid JSON: {ex.Message}", ex);
        }
        var objects = json is JArray array ? array.ToList() : [json];
        return objects.Select(o => o is JObject obj
                ? (IReadOnlyDictionary<string, object?>)obj.Properties().ToDictionary(p => p.Name, p => (p.Value as JValue)?.Value, StringComparer.OrdinalIgnoreCase)
                : throw new ArgumentException($"'{text}' must be a JSON object or an array of objects such as [{{\"{plainColumn}\": \"...\"}}]."))
            .ToList();
    }
}
