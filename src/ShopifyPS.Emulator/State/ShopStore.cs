using System.Text;

namespace ShopifyPS.Emulator.State;

/// <summary>
/// The whole in-memory shop. Every read or write of entities happens while holding <see cref="Sync"/>;
/// one GraphQL operation runs under one hold, so it sees and makes consistent changes.
/// Lookups by id, handle, SKU and barcode use dictionaries, never scans.
/// </summary>
internal sealed class ShopStore
{
    public Lock Sync { get; } = new();

    public string ShopName { get; set; } = "ShopifyPS Emulator";
    public string Domain { get; set; } = "emulator.myshopify.com";
    public string Currency { get; set; } = "USD";

    /// <summary>The app's granted access scopes: all by default; the control endpoint may take some away (a reset keeps them).</summary>
    public HashSet<string> GrantedScopes { get; } = [.. Graph.AccessScopes.All];
    public DateTimeOffset ShopCreatedAt { get; private set; }

    public SortedDictionary<long, Location> Locations { get; } = new();
    public SortedDictionary<long, Publication> Publications { get; } = new();
    public SortedDictionary<long, Product> Products { get; } = new();
    public SortedDictionary<long, Collection> Collections { get; } = new();
    public List<MetafieldDefinition> MetafieldDefinitions { get; } = new();
    /// <summary>The shop's languages; the first is the primary (English), others come from the seed.</summary>
    public List<ShopLocale> Locales { get; } = new();
    public Dictionary<string, Product> ProductsByHandle { get; } = new(StringComparer.Ordinal);
    public Dictionary<long, Variant> Variants { get; } = new();
    public SortedDictionary<long, InventoryItem> InventoryItems { get; } = new();
    public Dictionary<long, InventoryLevel> Levels { get; } = new();
    public SortedDictionary<long, MediaFile> Media { get; } = new();
    public SortedDictionary<long, BulkOperation> BulkOperations { get; } = new();
    public Dictionary<string, StagedUpload> Uploads { get; } = new(StringComparer.Ordinal);
    /// <summary>The JSONL result file of each completed bulk operation that has one (in the emulator's file area).</summary>
    public Dictionary<long, string> BulkResults { get; } = new();
    public Dictionary<string, IdempotentResult> Idempotency { get; } = new(StringComparer.Ordinal);
    public Dictionary<long, ProductSetOperation> ProductOperations { get; } = new();

    // A list per key, not a set: nearly every SKU or barcode has one variant, and a shop has a million.
    private readonly Dictionary<string, List<Variant>> _bySku = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Variant>> _byBarcode = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId;
    private long _lastTicks;

    public ShopStore() => Reset();

    /// <summary>Empties the shop and puts back the default locations.</summary>
    public void Reset(bool withDefaultLocations = true)
    {
        Locations.Clear(); Publications.Clear(); Products.Clear(); ProductsByHandle.Clear(); Variants.Clear(); InventoryItems.Clear();
        Levels.Clear(); Media.Clear(); BulkOperations.Clear(); Uploads.Clear(); BulkResults.Clear();
        Idempotency.Clear(); ProductOperations.Clear(); _bySku.Clear(); _byBarcode.Clear(); Collections.Clear(); MetafieldDefinitions.Clear();
        Locales.Clear();
        Locales.Add(new ShopLocale { Locale = "en", Name = "English", Primary = true, Published = true });
        _nextId = 1000;
        ShopCreatedAt = Now();
        // Every shop has the Online Store and Point of Sale channels.
        AddPublication("Online Store");
        AddPublication("Point of Sale");
        if (!withDefaultLocations) return;
        AddLocation("Main warehouse", "1 Warehouse Way", "Springfield");
        AddLocation("East store", "10 East Street", "Boston");
        AddLocation("West store", "20 West Avenue", "San Francisco");
    }

    public long NextId() => ++_nextId;

    /// <summary>UTC now, strictly increasing so updatedAt orders writes even within one tick.</summary>
    public DateTimeOffset Now()
    {
        var ticks = Math.Max(DateTimeOffset.UtcNow.UtcTicks, _lastTicks + 1);
        _lastTicks = ticks;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public Location AddLocation(string name, string? address1 = null, string? city = null)
    {
        var now = Now();
        var loc = new Location { Id = NextId(), Name = name, Address1 = address1, City = city, CreatedAt = now, UpdatedAt = now };
        Locations[loc.Id] = loc;
        return loc;
    }

    public Publication AddPublication(string title)
    {
        var publication = new Publication { Id = NextId(), CatalogId = NextId(), Title = title };
        Publications[publication.Id] = publication;
        return publication;
    }

    // ---- products ----

    public Product CreateProduct(string title, string? handle)
    {
        var now = Now();
        var p = new Product { Id = NextId(), Title = title, CreatedAt = now, UpdatedAt = now };
        p.Handle = handle ?? UniqueHandle(Slug(title), null);
        Products[p.Id] = p;
        ProductsByHandle[p.Handle] = p;
        return p;
    }

    public void SetHandle(Product p, string handle)
    {
        if (p.Handle == handle) return;
        ProductsByHandle.Remove(p.Handle);
        p.Handle = handle;
        ProductsByHandle[handle] = p;
    }

    public void DeleteProduct(Product p)
    {
        foreach (var v in p.Variants.ToList()) DeleteVariant(v);
        foreach (var m in p.Media) m.ProductIds.Remove(p.Id);
        Products.Remove(p.Id);
        ProductsByHandle.Remove(p.Handle);
    }

    /// <summary>Shopify's handle rule: lowercase, runs of other characters become one dash.</summary>
    public Collection AddCollection(string title, string? handle, bool smart)
    {
        var collection = new Collection { Id = NextId(), Title = title, Handle = Slug(handle ?? title), Smart = smart, UpdatedAt = Now() };
        Collections[collection.Id] = collection;
        return collection;
    }

    public MetafieldDefinition AddMetafieldDefinition(string ownerType, string ns, string key, string type, string? name)
    {
        var definition = new MetafieldDefinition { Id = NextId(), OwnerType = ownerType, Namespace = ns, Key = key, Type = type, Name = name ?? key };
        MetafieldDefinitions.Add(definition);
        return definition;
    }

    /// <summary>The definition that governs metafields of this owner type, namespace and key, if the shop has one.</summary>
    public MetafieldDefinition? DefinitionFor(string ownerType, string ns, string key) =>
        MetafieldDefinitions.FirstOrDefault(d => d.OwnerType == ownerType && d.Namespace == ns && d.Key == key);

    public static string Slug(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var ch in title.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(ch) && ch < 128) sb.Append(char.ToLowerInvariant(ch));
            else if (char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var s = sb.ToString().Trim('-');
        return s.Length == 0 ? "product" : s;
    }

    /// <summary>The handle itself if free, else handle-1, handle-2, ... (as Shopify does for generated handles).</summary>
    public string UniqueHandle(string handle, Product? owner)
    {
        if (!ProductsByHandle.TryGetValue(handle, out var other) || other == owner) return handle;
        for (var i = 1; ; i++)
        {
            var candidate = $"{handle}-{i}";
            if (!ProductsByHandle.TryGetValue(candidate, out other) || other == owner) return candidate;
        }
    }

    // ---- variants and inventory items ----

    public Variant CreateVariant(Product p, List<(string Name, string Value)> options)
    {
        var now = Now();
        var item = new InventoryItem { Id = NextId(), CreatedAt = now, UpdatedAt = now };
        var v = new Variant { Id = NextId(), Product = p, InventoryItem = item, SelectedOptions = options, CreatedAt = now, UpdatedAt = now, Position = p.Variants.Count + 1 };
        item.Variant = v;
        p.Variants.Add(v);
        Variants[v.Id] = v;
        InventoryItems[item.Id] = item;
        return v;
    }

    public void DeleteVariant(Variant v)
    {
        v.Product.Variants.Remove(v);
        for (var i = 0; i < v.Product.Variants.Count; i++) v.Product.Variants[i].Position = i + 1;
        Variants.Remove(v.Id);
        SetSku(v.InventoryItem, null);
        SetBarcode(v, null);
        foreach (var level in v.InventoryItem.Levels.Values)
        {
            level.Location.Levels.Remove(v.InventoryItem.Id);
            Levels.Remove(level.Id);
        }
        InventoryItems.Remove(v.InventoryItem.Id);
    }

    public void SetSku(InventoryItem item, string? sku)
    {
        if (item.Sku == sku) return;
        if (item.Variant != null) Unindex(_bySku, item.Sku, item.Variant);
        item.Sku = string.IsNullOrEmpty(sku) ? null : sku;
        if (item.Variant != null) Index(_bySku, item.Sku, item.Variant);
    }

    public void SetBarcode(Variant v, string? barcode)
    {
        if (v.Barcode == barcode) return;
        Unindex(_byBarcode, v.Barcode, v);
        v.Barcode = string.IsNullOrEmpty(barcode) ? null : barcode;
        Index(_byBarcode, v.Barcode, v);
    }

    public IReadOnlyCollection<Variant> VariantsBySku(string sku) =>
        _bySku.TryGetValue(sku, out var variants) ? variants : Array.Empty<Variant>();

    public IReadOnlyCollection<Variant> VariantsByBarcode(string barcode) =>
        _byBarcode.TryGetValue(barcode, out var variants) ? variants : Array.Empty<Variant>();

    private static void Index(Dictionary<string, List<Variant>> index, string? key, Variant v)
    {
        if (key == null) return;
        if (!index.TryGetValue(key, out var variants)) index[key] = variants = new List<Variant>(1);
        if (!variants.Contains(v)) variants.Add(v);
    }

    private static void Unindex(Dictionary<string, List<Variant>> index, string? key, Variant v)
    {
        if (key == null || !index.TryGetValue(key, out var set)) return;
        set.Remove(v);
        if (set.Count == 0) index.Remove(key);
    }

    /// <summary>Stocks an item at a location (creates the level) or returns the existing level.</summary>
    public InventoryLevel Stock(InventoryItem item, Location location)
    {
        if (item.Levels.TryGetValue(location.Id, out var level)) return level;
        var now = Now();
        level = new InventoryLevel { Id = NextId(), Item = item, Location = location, CreatedAt = now, UpdatedAt = now };
        item.Levels[location.Id] = level;
        location.Levels[item.Id] = level;
        Levels[level.Id] = level;
        return level;
    }

    public void Touch(Product p)
    {
        p.UpdatedAt = Now();
    }

    public void Touch(Variant v)
    {
        v.UpdatedAt = Now();
        v.Product.UpdatedAt = v.UpdatedAt;
    }

    public void Touch(InventoryItem item)
    {
        item.UpdatedAt = Now();
        if (item.Variant != null) Touch(item.Variant);
    }
}

/// <summary>The first payload of an idempotent mutation (a snapshot), replayed for retries with the same key and variables.</summary>
internal sealed record IdempotentResult(string Fingerprint, object Payload);

/// <summary>An asynchronous productSet (synchronous: false); the emulator completes it at once.</summary>
internal sealed class ProductSetOperation
{
    public long Id { get; init; }
    public Product? Product { get; set; }
    public List<Graph.UserError> UserErrors { get; } = new();
    public string Gid => State.Gid.Of("ProductSetOperation", Id);
}
