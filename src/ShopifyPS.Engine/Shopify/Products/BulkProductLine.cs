using System.Text.Json;

namespace ShopifyPS.Shopify;

/// <summary>
/// One line of BulkProducts read straight into what the import uses: a product (its fields, variants to come) with
/// its <c>variantsCount</c>, or a variant of the product its <c>__parentId</c> names; neither for a line of another
/// type. Read with <see cref="Utf8JsonReader"/> rather than as a JObject: a Plus catalog's export has a million lines.
/// </summary>
internal sealed record BulkProductLine(ShopifyProduct? Product, ShopifyVariant? Variant, int? VariantsCount)
{
    private const string ProductGid = "gid://shopify/Product/";
    private const string VariantGid = "gid://shopify/ProductVariant/";

    /// <summary>Reads lines of the shop <paramref name="shop"/>'s BulkProducts result.</summary>
    public static Func<BulkLine, BulkRecord<BulkProductLine>> Reader(string shop)
    {
        Utf8LineReader<(string? Id, string? ParentId, BulkProductLine Value)> read = (ref Utf8JsonReader reader) => Read(ref reader, shop);
        return line =>
        {
            var (id, parentId, value) = line.Read(read);
            return new BulkRecord<BulkProductLine>(line, id, parentId, value);
        };
    }

    private static (string? Id, string? ParentId, BulkProductLine Value) Read(ref Utf8JsonReader reader, string shop)
    {
        if (!JsonFields.EnterObject(ref reader)) throw new JsonException("the line is null");
        // Which type the line holds decides which fields it has: look ahead for its id (Shopify writes it first).
        var ahead = reader;
        var id = IdOf(ref ahead);
        var product = id?.StartsWith(ProductGid, StringComparison.Ordinal) == true ? new ShopifyProduct(shop) : null;
        var variant = id?.StartsWith(VariantGid, StringComparison.Ordinal) == true ? new ShopifyVariant("") : null;
        string? parentId = null;
        int? variantsCount = null;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("__parentId"u8)) parentId = JsonFields.String(ref reader);
            else if (product is not null && reader.ValueTextEquals("variantsCount"u8)) variantsCount = ExactCount(ref reader);
            else if (product?.ReadField(ref reader) != true && variant?.ReadField(ref reader) != true) reader.Skip();
        }
        if (variant is not null) variant.ProductId = parentId ?? "";
        return (id, parentId, new BulkProductLine(product, variant, variantsCount));
    }

    /// <summary>The value of the object's <c>id</c> field; null when it has none.</summary>
    private static string? IdOf(ref Utf8JsonReader reader)
    {
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("id"u8)) return JsonFields.String(ref reader);
            reader.Skip();
        }
        return null;
    }

    /// <summary>A product line is complete once this many variant lines have come: Shopify counts variants exactly;
    /// any other precision leaves the product open to the end of the file.</summary>
    private static int? ExactCount(ref Utf8JsonReader reader)
    {
        int? count = null;
        var exact = false;
        if (!JsonFields.EnterObject(ref reader)) return null;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("count"u8)) count = JsonFields.Int(ref reader);
            else if (reader.ValueTextEquals("precision"u8)) exact = JsonFields.String(ref reader) == "EXACT";
            else reader.Skip();
        }
        return exact ? count : null;
    }
}
