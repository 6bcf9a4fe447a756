using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Graph;

/// <summary>Finds entities by gid (dictionary lookups); null when the gid is malformed or unknown.</summary>
internal static class Lookup
{
    public static Product? Product(ShopStore s, string? gid) =>
        Gid.TryParse(gid, "Product", out var id) && s.Products.TryGetValue(id, out var p) ? p : null;

    public static Variant? Variant(ShopStore s, string? gid) =>
        Gid.TryParse(gid, "ProductVariant", out var id) && s.Variants.TryGetValue(id, out var v) ? v : null;

    public static InventoryItem? InventoryItem(ShopStore s, string? gid) =>
        Gid.TryParse(gid, "InventoryItem", out var id) && s.InventoryItems.TryGetValue(id, out var i) ? i : null;

    public static Location? Location(ShopStore s, string? gid) =>
        Gid.TryParse(gid, "Location", out var id) && s.Locations.TryGetValue(id, out var l) ? l : null;

    public static InventoryLevel? Level(ShopStore s, string? gid) =>
        Gid.TryParse(gid, "InventoryLevel", out var id) && s.Levels.TryGetValue(id, out var l) ? l : null;

    public static Publication? Publication(ShopStore s, string? gid) =>
        Gid.TryParse(gid, "Publication", out var id) && s.Publications.TryGetValue(id, out var p) ? p : null;

    public static MediaFile? Media(ShopStore s, string? gid)
    {
        var type = Gid.TypeOf(gid);
        if (type is not ("MediaImage" or "GenericFile" or "Video")) return null;
        return Gid.TryParse(gid, type, out var id) && s.Media.TryGetValue(id, out var m) ? m : null;
    }

    public static IGraphObject? Node(ShopStore s, string? gid) => Gid.TypeOf(gid) switch
    {
        "Product" => Product(s, gid),
        "ProductVariant" => Variant(s, gid),
        "InventoryItem" => InventoryItem(s, gid),
        "Location" => Location(s, gid),
        "InventoryLevel" => Level(s, gid),
        "Publication" => Publication(s, gid),
        "MediaImage" => Media(s, gid),
        "BulkOperation" => Gid.TryParse(gid, "BulkOperation", out var id) && s.BulkOperations.TryGetValue(id, out var b) ? b : null,
        _ => null,
    };
}

/// <summary>ProductSetOperation as returned by productSet(synchronous: false) and productOperation(id:).</summary>
internal sealed class ProductSetOperationView(ProductSetOperation op) : IGraphObject
{
    public string? GraphType => "ProductSetOperation";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => op.Gid,
        "status" => "COMPLETE",
        "product" => op.Product,
        "userErrors" => op.UserErrors,
        _ => null,
    };
}
