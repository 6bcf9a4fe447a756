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

    /// <summary>Reads lines taking the quantity named <paramref name="quantityName"/>, for <see cref="BulkLine.Read{T}"/>
    /// (made once per export, not per line).</summary>
    public static Utf8LineReader<BulkLevelLine> Reader(string quantityName) => (ref Utf8JsonReader reader) => Read(ref reader, quantityName);

    private static BulkLevelLine Read(ref Utf8JsonReader reader, string quantityName)
    {
        if (!JsonFields.EnterObject(ref reader)) throw new JsonException("the line is null");
        string? id = null, locationId = null, itemId = null, variantId = null;
        var tracked = false;
        var quantity = 0;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("id"u8)) id = JsonFields.String(ref reader);
            else if (reader.ValueTextEquals("__parentId"u8)) locationId = JsonFields.String(ref reader);
            else if (reader.ValueTextEquals("quantities"u8)) quantity = QuantityOf(ref reader, quantityName);
            else if (reader.ValueTextEquals("item"u8)) (itemId, tracked, variantId) = Item(ref reader);
            else reader.Skip();
        }
        return new BulkLevelLine(id, locationId, itemId, tracked, variantId, quantity);
    }

    /// <summary>The first entry of <c>quantities</c> with the name (as the paged read takes it).</summary>
    private static int QuantityOf(ref Utf8JsonReader reader, string quantityName)
    {
        int? found = null;
        if (!JsonFields.EnterList(ref reader)) return 0;
        while (JsonFields.NextObject(ref reader))
        {
            string? name = null;
            int? value = null;
            while (JsonFields.NextField(ref reader))
            {
                if (reader.ValueTextEquals("name"u8)) name = JsonFields.String(ref reader);
                else if (reader.ValueTextEquals("quantity"u8)) value = JsonFields.Int(ref reader);
                else reader.Skip();
            }
            if (found is null && name == quantityName) found = value ?? 0;
        }
        return found ?? 0;
    }

    private static (string? Id, bool Tracked, string? VariantId) Item(ref Utf8JsonReader reader)
    {
        if (!JsonFields.EnterObject(ref reader)) return (null, false, null);
        string? id = null, variantId = null;
        var tracked = false;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("id"u8)) id = JsonFields.String(ref reader);
            else if (reader.ValueTextEquals("tracked"u8)) tracked = JsonFields.Bool(ref reader) ?? false;
            else if (reader.ValueTextEquals("variant"u8)) variantId = VariantIdOf(ref reader);
            else reader.Skip();
        }
        return (id, tracked, variantId);
    }

    private static string? VariantIdOf(ref Utf8JsonReader reader)
    {
        if (!JsonFields.EnterObject(ref reader)) return null;
        string? id = null;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("id"u8)) id = JsonFields.String(ref reader);
            else reader.Skip();
        }
        return id;
    }
}
