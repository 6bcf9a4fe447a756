using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class InventoryLevel : IGraphObject
{
    public string? GraphType => "InventoryLevel";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "item" => Item,
        "location" => Location,
        "isActive" => true,
        "canDeactivate" => true,
        "createdAt" => CreatedAt,
        "updatedAt" => UpdatedAt,
        "quantities" => args.List("names").Select(n => Input.Str(n)!).Select(name => new GraphMap("InventoryQuantity",
            ("id", $"gid://shopify/InventoryQuantity/{Id}?inventory_item_id={Item.Id}&name={name}"),
            ("name", name),
            ("quantity", Get(name)),
            ("updatedAt", UpdatedAt))).ToList(),
        _ => null,
    };
}
