using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class Variant : IGraphObject
{
    public string? GraphType => "ProductVariant";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "legacyResourceId" => Fmt.Legacy(Id),
        "title" => Title,
        "displayName" => $"{Product.Title} - {Title}",
        "metafield" or "metafields" => Metafields.Resolve(field, args, ctx),
        "sku" => Sku,
        "barcode" => Barcode,
        "price" => Fmt.Money(Price),
        "compareAtPrice" => CompareAtPrice is { } c ? Fmt.Money(c) : null,
        "inventoryPolicy" => InventoryPolicy,
        "taxable" => Taxable,
        "taxCode" => TaxCode,
        "position" => Position,
        "defaultCursor" => Paging.ById(Id).ToCursor(),
        "requiresComponents" => false,
        "showUnitPrice" => false,
        "sellableOnlineQuantity" => InventoryItem.Tracked ? Math.Max(InventoryQuantity, 0) : 0,
        "inventoryQuantity" => InventoryQuantity,
        "availableForSale" => Product.Status == "ACTIVE" && (InventoryPolicy == "CONTINUE" || !InventoryItem.Tracked || InventoryQuantity > 0),
        "selectedOptions" => SelectedOptions.Select(o => new GraphMap("SelectedOption", ("name", o.Name), ("value", o.Value))).ToList(),
        "inventoryItem" => InventoryItem,
        "product" => Product,
        "image" => Image?.ImageObject(),
        "media" => Paging.Connection(Image == null ? Array.Empty<MediaFile>() : new[] { Image }, args, ctx, m => Paging.ById(m.Id)),
        "createdAt" => CreatedAt,
        "updatedAt" => UpdatedAt,
        _ => null,
    };
}
