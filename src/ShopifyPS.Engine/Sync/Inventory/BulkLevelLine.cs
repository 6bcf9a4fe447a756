using System.Buffers;
using System.Text;
using System.Text.Json;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Inventory;

/// <summary>
/// One line of BulkInventoryLevels with only what a sync takes from it: the level's location (the line's
/// <c>__parentId</c>), its inventory item, whether that is tracked, its variant, and the quantity of one name (0 when
/// the line has none). Read with <see cref="Utf8JsonReader"/> rather than as a JObject: a shop has a line per level,
/// 3,000,000 for a Plus catalog, and building a token tree per line was the largest cost of reading them.
/// </summary>
internal sealed record BulkLevelLine(string? Id, string? LocationId, string? InventoryItemId, bool Tracked, string? VariantId, int Quantity)
{
    private const string LevelGid = "gid://shopify/InventoryLevel/";

    /// <summary>An inventory level (not a location line) with its variant.</summary>
    public bool IsLevel => Id is not null && Id.StartsWith(LevelGid, StringComparison.Ordinal) && LocationId is not null && VariantId is not null;

    /// <exception cref="ShopifyException">The line is not the JSON Shopify writes for a level or a location.</exception>
    public static BulkLevelLine Parse(BulkLine line, string quantityName)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Text.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(line.Text, buffer)));
            return Read(ref reader, quantityName);
        }
        catch (JsonException ex)
        {
            throw line.Malformed(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // A value of another type than the field has (Utf8JsonReader's Get* methods).
            throw line.Malformed(ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static BulkLevelLine Read(ref Utf8JsonReader reader, string quantityName)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, locationId = null, itemId = null, variantId = null;
        var tracked = false;
        var quantity = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id")) id = StringValue(ref reader);
            else if (reader.ValueTextEquals("__parentId")) locationId = StringValue(ref reader);
            else if (reader.ValueTextEquals("quantities")) quantity = QuantityOf(ref reader, quantityName);
            else if (reader.ValueTextEquals("item")) (itemId, tracked, variantId) = Item(ref reader);
            else reader.Skip();
        }
        if (reader.Read()) throw new JsonException("more than one JSON value on the line");
        return new BulkLevelLine(id, locationId, itemId, tracked, variantId, quantity);
    }

    /// <summary>The first entry of <c>quantities</c> with the name (as the paged read takes it).</summary>
    private static int QuantityOf(ref Utf8JsonReader reader, string quantityName)
    {
        int? found = null;
        if (Next(ref reader) == JsonTokenType.Null) return 0;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("quantities is not a list");
        while (Next(ref reader) == JsonTokenType.StartObject)
        {
            string? name = null;
            int? value = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name")) name = StringValue(ref reader);
                else if (reader.ValueTextEquals("quantity")) value = Next(ref reader) == JsonTokenType.Null ? null : reader.GetInt32();
                else reader.Skip();
            }
            if (found is null && name == quantityName) found = value ?? 0;
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a quantity is not an object");
        return found ?? 0;
    }

    private static (string? Id, bool Tracked, string? VariantId) Item(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.Null) return (null, false, null);
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("item is not an object");
        string? id = null, variantId = null;
        var tracked = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id")) id = StringValue(ref reader);
            else if (reader.ValueTextEquals("tracked")) tracked = Next(ref reader) != JsonTokenType.Null && reader.GetBoolean();
            else if (reader.ValueTextEquals("variant")) variantId = VariantIdOf(ref reader);
            else reader.Skip();
        }
        return (id, tracked, variantId);
    }

    private static string? VariantIdOf(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("variant is not an object");
        string? id = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id")) id = StringValue(ref reader);
            else reader.Skip();
        }
        return id;
    }

    private static string? StringValue(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? null : reader.GetString();

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the line ends inside a value");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw new JsonException($"expected {type}, found {reader.TokenType}");
    }
}
