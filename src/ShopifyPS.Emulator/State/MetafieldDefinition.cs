using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

/// <summary>
/// A metafield definition a merchant made in Shopify admin: owner type (PRODUCT or PRODUCTVARIANT), namespace, key and
/// type. Its type is enforced on every metafield of that owner type, namespace and key: a metafieldsSet, productSet or
/// productVariantsBulkCreate that names another type is refused.
/// </summary>
internal sealed class MetafieldDefinition : IGraphObject
{
    public long Id { get; init; }
    public required string OwnerType { get; init; }
    public required string Namespace { get; init; }
    public required string Key { get; init; }
    public required string Type { get; init; }
    public required string Name { get; init; }

    public string? GraphType => "MetafieldDefinition";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid.Of("MetafieldDefinition", Id),
        "name" => Name,
        "namespace" => Namespace,
        "key" => Key,
        "ownerType" => OwnerType,
        "description" => null,
        "type" => new GraphMap("MetafieldDefinitionType", ("name", Type), ("category", Category(Type))),
        "validations" => new List<object>(),
        _ => null,
    };

    private static string Category(string type) => type.Replace("list.", "", StringComparison.Ordinal) switch
    {
        "number_integer" or "number_decimal" => "NUMBER",
        "date" or "date_time" => "DATE_TIME",
        "boolean" => "TRUE_FALSE",
        "dimension" or "volume" or "weight" => "MEASUREMENT",
        var t when t.EndsWith("_reference", StringComparison.Ordinal) => "REFERENCE",
        _ => "TEXT",
    };
}
