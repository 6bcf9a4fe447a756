using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class InventoryItem : IGraphObject
{
    public string? GraphType => "InventoryItem";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "legacyResourceId" => Fmt.Legacy(Id),
        "sku" => Sku,
        "tracked" => Tracked,
        "trackedEditable" => new GraphMap("EditableProperty", ("locked", false), ("reason", null)),
        "unitCost" => Cost is { } c ? Fmt.MoneyV2(c, ctx.Store) : null,
        "requiresShipping" => RequiresShipping,
        "countryCodeOfOrigin" => CountryCodeOfOrigin,
        "harmonizedSystemCode" => HarmonizedSystemCode,
        "measurement" => new GraphMap("InventoryItemMeasurement",
            ("id", State.Gid.Of("InventoryItemMeasurement", Id)),
            ("weight", WeightValue is { } w ? new GraphMap("Weight", ("value", w), ("unit", WeightUnit)) : null)),
        "variant" => Variant,
        "variants" => Paging.Connection(Variant == null ? Array.Empty<Variant>() : new[] { Variant }, args, ctx, v => Paging.ById(v.Id)),
        "duplicateSkuCount" => Sku == null ? 0 : ctx.Store.VariantsBySku(Sku).Count - 1,
        "inventoryLevel" => State.Gid.TryParse(args.Str("locationId"), "Location", out var lid) && Levels.TryGetValue(lid, out var level) ? level : null,
        "inventoryLevels" => Paging.Connection(Levels.Values.Where(l => l.Location.IsActive || args.Bool("includeInactive") == true), args, ctx, l => Paging.ById(l.Location.Id)),
        "locationsCount" => Fmt.Count(Levels.Count),
        "createdAt" => CreatedAt,
        "updatedAt" => UpdatedAt,
        _ => null,
    };
}
