using System.Globalization;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Search;

/// <summary>products(query:) fields: sku, barcode, status, vendor, product_type, tag, title, handle, id, created_at, updated_at, inventory_total.</summary>
internal sealed class ProductSearch(ShopStore store) : ISearchFields<Product>
{
    public FieldKind Kind(string field) => field switch
    {
        "created_at" or "updated_at" => FieldKind.Date,
        "id" or "inventory_total" => FieldKind.Number,
        _ => FieldKind.Text,
    };

    public IEnumerable<string?> Values(Product p, string field) => field switch
    {
        "sku" => p.Variants.Select(v => v.Sku),
        "barcode" => p.Variants.Select(v => v.Barcode),
        "status" => new[] { p.Status },
        "vendor" => new[] { p.Vendor },
        "product_type" => new[] { p.ProductType },
        "tag" => p.Tags,
        "title" => TitleValues(p.Title),
        "handle" => new[] { p.Handle },
        "id" => new[] { p.Id.ToString(CultureInfo.InvariantCulture) },
        "created_at" => new[] { p.CreatedAt.ToSearchDate() },
        "updated_at" => new[] { p.UpdatedAt.ToSearchDate() },
        "inventory_total" => new[] { p.TotalInventory.ToString(CultureInfo.InvariantCulture) },
        _ => Array.Empty<string>(),
    };

    /// <summary>title:foo matches the whole title or any word of it, as Shopify's tokenized title search does.</summary>
    private static IEnumerable<string> TitleValues(string title) =>
        new[] { title }.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public IEnumerable<Product>? Candidates(string field, string value) => field switch
    {
        "sku" => store.VariantsBySku(value).Select(v => v.Product).Distinct(),
        "barcode" => store.VariantsByBarcode(value).Select(v => v.Product).Distinct(),
        "handle" => store.ProductsByHandle.TryGetValue(value, out var p) ? new[] { p } : Array.Empty<Product>(),
        "id" => long.TryParse(value, out var id) && store.Products.TryGetValue(id, out var byId) ? new[] { byId } : Array.Empty<Product>(),
        _ => null,
    };

    public bool MatchesDefault(Product p, string word) =>
        p.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
        || p.Variants.Any(v => string.Equals(v.Sku, word, StringComparison.OrdinalIgnoreCase) || string.Equals(v.Barcode, word, StringComparison.OrdinalIgnoreCase))
        || p.Vendor.Contains(word, StringComparison.OrdinalIgnoreCase)
        || p.Tags.Any(t => string.Equals(t, word, StringComparison.OrdinalIgnoreCase));
}

/// <summary>productVariants(query:) fields: sku, barcode, product_id, id, title, vendor, product_type, product_status, tag, updated_at, location_id.</summary>
internal sealed class VariantSearch(ShopStore store) : ISearchFields<Variant>
{
    public FieldKind Kind(string field) => field switch
    {
        "created_at" or "updated_at" => FieldKind.Date,
        "id" or "product_id" or "inventory_quantity" => FieldKind.Number,
        _ => FieldKind.Text,
    };

    public IEnumerable<string?> Values(Variant v, string field) => field switch
    {
        "sku" => (IEnumerable<string?>)new[] { v.Sku },
        "barcode" => new[] { v.Barcode },
        "id" => new[] { v.Id.ToString(CultureInfo.InvariantCulture) },
        "product_id" => new[] { v.Product.Id.ToString(CultureInfo.InvariantCulture) },
        "product_ids" => new[] { v.Product.Id.ToString(CultureInfo.InvariantCulture) },
        "title" => new[] { v.Title },
        "vendor" => new[] { v.Product.Vendor },
        "product_type" => new[] { v.Product.ProductType },
        "product_status" => new[] { v.Product.Status },
        "tag" => v.Product.Tags,
        "taxable" => new[] { v.Taxable ? "true" : "false" },
        "location_id" => v.InventoryItem.Levels.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)),
        "inventory_quantity" => new[] { v.InventoryQuantity.ToString(CultureInfo.InvariantCulture) },
        "created_at" => new[] { v.CreatedAt.ToSearchDate() },
        "updated_at" => new[] { v.UpdatedAt.ToSearchDate() },
        _ => Array.Empty<string>(),
    };

    public IEnumerable<Variant>? Candidates(string field, string value) => field switch
    {
        "sku" => store.VariantsBySku(value),
        "barcode" => store.VariantsByBarcode(value),
        "id" => long.TryParse(value, out var id) && store.Variants.TryGetValue(id, out var v) ? new[] { v } : Array.Empty<Variant>(),
        "product_id" => long.TryParse(value, out var pid) && store.Products.TryGetValue(pid, out var p) ? p.Variants : Array.Empty<Variant>(),
        _ => null,
    };

    public bool MatchesDefault(Variant v, string word) =>
        string.Equals(v.Sku, word, StringComparison.OrdinalIgnoreCase)
        || string.Equals(v.Barcode, word, StringComparison.OrdinalIgnoreCase)
        || v.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
        || v.Product.Title.Contains(word, StringComparison.OrdinalIgnoreCase);
}

/// <summary>inventoryItems(query:) fields: sku, id, created_at, updated_at.</summary>
internal sealed class InventoryItemSearch(ShopStore store) : ISearchFields<InventoryItem>
{
    public FieldKind Kind(string field) => field switch
    {
        "created_at" or "updated_at" => FieldKind.Date,
        "id" => FieldKind.Number,
        _ => FieldKind.Text,
    };

    public IEnumerable<string?> Values(InventoryItem i, string field) => field switch
    {
        "sku" => new[] { i.Sku },
        "id" => new[] { i.Id.ToString(CultureInfo.InvariantCulture) },
        "created_at" => new[] { i.CreatedAt.ToSearchDate() },
        "updated_at" => new[] { i.UpdatedAt.ToSearchDate() },
        _ => Array.Empty<string>(),
    };

    public IEnumerable<InventoryItem>? Candidates(string field, string value) => field switch
    {
        "sku" => store.VariantsBySku(value).Select(v => v.InventoryItem),
        "id" => long.TryParse(value, out var id) && store.InventoryItems.TryGetValue(id, out var i) ? new[] { i } : Array.Empty<InventoryItem>(),
        _ => null,
    };

    public bool MatchesDefault(InventoryItem i, string word) => string.Equals(i.Sku, word, StringComparison.OrdinalIgnoreCase);
}

/// <summary>locations(query:) fields: name, id, active; bulkOperations(query:) fields: status, operation_type, id, created_at.</summary>
internal sealed class LocationSearch : ISearchFields<Location>
{
    public FieldKind Kind(string field) => field == "id" ? FieldKind.Number : FieldKind.Text;

    public IEnumerable<string?> Values(Location l, string field) => field switch
    {
        "name" => new[] { l.Name },
        "id" => new[] { l.Id.ToString(CultureInfo.InvariantCulture) },
        "active" => new[] { l.IsActive ? "true" : "false" },
        _ => Array.Empty<string>(),
    };

    public IEnumerable<Location>? Candidates(string field, string value) => null;

    public bool MatchesDefault(Location l, string word) => l.Name.Contains(word, StringComparison.OrdinalIgnoreCase);
}

internal sealed class BulkOperationSearch : ISearchFields<BulkOperation>
{
    public FieldKind Kind(string field) => field switch { "created_at" => FieldKind.Date, "id" => FieldKind.Number, _ => FieldKind.Text };

    public IEnumerable<string?> Values(BulkOperation b, string field) => field switch
    {
        "status" => new[] { b.Status },
        "operation_type" => new[] { b.Type },
        "id" => new[] { b.Id.ToString(CultureInfo.InvariantCulture) },
        "created_at" => new[] { b.CreatedAt.ToSearchDate() },
        _ => Array.Empty<string>(),
    };

    public IEnumerable<BulkOperation>? Candidates(string field, string value) => null;

    public bool MatchesDefault(BulkOperation b, string word) => false;
}

/// <summary>files(query:) fields: filename (value* for a prefix), status, media_type, id, created_at, updated_at.</summary>
internal sealed class FileSearch : ISearchFields<MediaFile>
{
    public FieldKind Kind(string field) => field switch
    {
        "created_at" or "updated_at" => FieldKind.Date,
        "id" => FieldKind.Number,
        _ => FieldKind.Text,
    };

    public IEnumerable<string?> Values(MediaFile m, string field) => field switch
    {
        "filename" => new[] { m.Filename },
        "status" => new[] { m.Status },
        "media_type" => new[] { "IMAGE" },
        "id" => new[] { m.Id.ToString(CultureInfo.InvariantCulture) },
        "created_at" => new[] { m.CreatedAt.ToSearchDate() },
        "updated_at" => new[] { m.UpdatedAt.ToSearchDate() },
        _ => Array.Empty<string>(),
    };

    public IEnumerable<MediaFile>? Candidates(string field, string value) => null;

    public bool MatchesDefault(MediaFile m, string word) =>
        (m.Filename ?? "").Contains(word, StringComparison.OrdinalIgnoreCase) || (m.Alt ?? "").Contains(word, StringComparison.OrdinalIgnoreCase);
}
