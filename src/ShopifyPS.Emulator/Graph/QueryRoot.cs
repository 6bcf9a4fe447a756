using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Search;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Graph;

/// <summary>QueryRoot: the read side of the Admin API that a product and inventory sync uses.</summary>
internal sealed class QueryRoot : IGraphObject
{
    public string? GraphType => "QueryRoot";

    public object? Resolve(string field, Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        switch (field)
        {
            case "shop": return ShopObject(store);
            case "currentAppInstallation": return AppInstallation(store);
            case "locations":
                var includeInactive = args.Bool("includeInactive") == true;
                var locs = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.Locations.Values, new LocationSearch())
                    .Where(l => includeInactive || l.IsActive);
                return Paging.Connection(locs, args, ctx, l => LocationKey(l, args.Str("sortKey")));
            case "location":
                return args.Str("id") is { } lid ? Lookup.Location(store, lid) : store.Locations.Values.FirstOrDefault();
            case "locationsCount": return Fmt.Count(store.Locations.Values.Count(l => l.IsActive));
            case "collections":
                var collections = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.Collections.Values, new CollectionSearch());
                return Paging.Connection(collections, args, ctx, c => Paging.ById(c.Id));
            case "collection":
                return Gid.TryParse(args.Str("id"), "Collection", out var cid) ? store.Collections.GetValueOrDefault(cid) : null;
            case "metafieldDefinitions":
                var definitions = store.MetafieldDefinitions.Where(d => d.OwnerType == args.Str("ownerType")
                    && (args.Str("namespace") is not { } dns || d.Namespace == dns) && (args.Str("key") is not { } dkey || d.Key == dkey));
                return Paging.Connection(definitions, args, ctx, d => Paging.ById(d.Id));
            case "products":
                var products = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.Products.Values, new ProductSearch(store));
                return Paging.Connection(products, args, ctx, p => ProductKey(p, args.Str("sortKey")));
            case "productsCount":
                var count = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.Products.Values, new ProductSearch(store)).Count();
                var limit = args.Int("limit");
                return limit is { } l && count > l
                    ? new GraphMap("Count", ("count", l), ("precision", "AT_LEAST"))
                    : Fmt.Count(count);
            case "product": return Lookup.Product(store, args.Str("id"));
            case "productByHandle":
                return store.ProductsByHandle.TryGetValue(args.Str("handle") ?? "", out var ph) ? ph : null;
            case "productByIdentifier":
                var ident = args.Obj("identifier")!;
                if (Input.Str(Input.Get(ident, "id")) is { } iid) return Lookup.Product(store, iid);
                return store.ProductsByHandle.TryGetValue(Input.Str(Input.Get(ident, "handle")) ?? "", out var bh) ? bh : null;
            case "productVariants":
                var variants = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.Variants.Values, new VariantSearch(store));
                return Paging.Connection(variants, args, ctx, v => VariantKey(v, args.Str("sortKey")));
            case "productVariantsCount":
                return Fmt.Count(SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.Variants.Values, new VariantSearch(store)).Count());
            case "productVariant": return Lookup.Variant(store, args.Str("id"));
            case "publications": return Paging.Connection(store.Publications.Values, args, ctx, p => Paging.ById(p.Id));
            case "publication": return Lookup.Publication(store, args.Str("id"));
            case "publicationsCount": return Fmt.Count(store.Publications.Count);
            case "inventoryItem": return Lookup.InventoryItem(store, args.Str("id"));
            case "inventoryItems":
                var items = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.InventoryItems.Values, new InventoryItemSearch(store));
                return Paging.Connection(items, args, ctx, i => Paging.ById(i.Id));
            case "inventoryLevel": return Lookup.Level(store, args.Str("id"));
            case "node": return Lookup.Node(store, args.Str("id"));
            case "nodes": return args.List("ids").Select(id => Lookup.Node(store, Input.Str(id))).ToList();
            case "productOperation":
                return Gid.TryParse(args.Str("id"), "ProductSetOperation", out var opId) && store.ProductOperations.TryGetValue(opId, out var op)
                    ? new ProductSetOperationView(op) : null;
            case "bulkOperation":
                return Gid.TryParse(args.Str("id"), "BulkOperation", out var bid) && store.BulkOperations.TryGetValue(bid, out var bulk) ? bulk : null;
            case "bulkOperations":
                var ops = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.BulkOperations.Values, new BulkOperationSearch());
                return Paging.Connection(ops, args, ctx, b => args.Str("sortKey") == "COMPLETED_AT"
                    ? new SortKey(b.CompletedAt?.ToString("O"), 0, b.Id)
                    : Paging.ById(b.Id));
            case "currentBulkOperation":
                var type = args.Str("type") ?? "QUERY";
                return store.BulkOperations.Values.Reverse().FirstOrDefault(b => b.Type == type);
            case "shopLocales":
                return store.Locales.Where(l => args.Bool("published") != true || l.Published)
                    .Select(l => new GraphMap("ShopLocale", ("locale", l.Locale), ("name", l.Name), ("primary", l.Primary), ("published", l.Published),
                        ("marketWebPresences", Array.Empty<object>()))).ToList();
            case "translatableResource":
                return Lookup.Product(store, args.Str("resourceId")) is { } translatable ? new TranslatableProduct(translatable) : null;
            case "translatableResourcesByIds":
                var resources = args.List("resourceIds").Select(id => Lookup.Product(store, Input.Str(id))).OfType<Product>().Distinct()
                    .Select(p => new TranslatableProduct(p));
                return Paging.Connection(resources, args, ctx, r => Paging.ById(r.Product.Id));
            case "translatableResources":
                // Products only: the other resource types hold nothing in the emulator.
                var all = args.Str("resourceType") == "PRODUCT" ? store.Products.Values.Select(p => new TranslatableProduct(p)) : [];
                return Paging.Connection(all, args, ctx, r => Paging.ById(r.Product.Id));
            case "files":
                var files = SearchQuery.Filter(SearchQuery.Parse(args.Str("query")), store.Media.Values, new FileSearch());
                return Paging.Connection(files, args, ctx, m => Paging.ById(m.Id));
            default: return null;
        }
    }

    private static SortKey ProductKey(Product p, string? sortKey) => sortKey switch
    {
        "TITLE" => new SortKey(p.Title, 0, p.Id),
        "UPDATED_AT" => new SortKey(p.UpdatedAt.ToString("O"), 0, p.Id),
        "CREATED_AT" => new SortKey(p.CreatedAt.ToString("O"), 0, p.Id),
        "PRODUCT_TYPE" => new SortKey(p.ProductType, 0, p.Id),
        "VENDOR" => new SortKey(p.Vendor, 0, p.Id),
        "INVENTORY_TOTAL" => new SortKey(null, p.TotalInventory, p.Id),
        _ => Paging.ById(p.Id),
    };

    private static SortKey VariantKey(Variant v, string? sortKey) => sortKey switch
    {
        "SKU" => new SortKey(v.Sku ?? "", 0, v.Id),
        "TITLE" => new SortKey(v.Title, 0, v.Id),
        "POSITION" => new SortKey(null, v.Position, v.Id),
        "INVENTORY_QUANTITY" => new SortKey(null, v.InventoryQuantity, v.Id),
        _ => Paging.ById(v.Id),
    };

    private static SortKey LocationKey(Location l, string? sortKey) => sortKey switch
    {
        "ID" => Paging.ById(l.Id),
        "CREATED_AT" => new SortKey(l.CreatedAt.ToString("O"), 0, l.Id),
        _ => new SortKey(l.Name, 0, l.Id),
    };

    private static GraphMap ShopObject(ShopStore store) => new("Shop",
        ("id", Gid.Of("Shop", 1)),
        ("name", store.ShopName),
        ("myshopifyDomain", store.Domain),
        ("url", $"https://{store.Domain}"),
        ("email", $"owner@{store.Domain}"),
        ("contactEmail", $"owner@{store.Domain}"),
        ("currencyCode", store.Currency),
        ("enabledPresentmentCurrencies", new[] { store.Currency }),
        ("ianaTimezone", "Etc/UTC"),
        ("timezoneAbbreviation", "UTC"),
        ("weightUnit", "KILOGRAMS"),
        ("unitSystem", "METRIC_SYSTEM"),
        ("taxesIncluded", false),
        ("createdAt", store.ShopCreatedAt),
        ("updatedAt", store.ShopCreatedAt),
        ("primaryDomain", new GraphMap("Domain", ("id", Gid.Of("Domain", 1)), ("host", store.Domain), ("url", $"https://{store.Domain}"), ("sslEnabled", true))),
        // The Standard ("Basic"/"Shopify") plan: restore rate 100 points/s, see reference §3.2.
        ("plan", new GraphMap("ShopPlan", ("displayName", "Shopify"), ("publicDisplayName", "Shopify"), ("partnerDevelopment", false), ("shopifyPlus", false))));

    private static GraphMap AppInstallation(ShopStore store) => new("AppInstallation",
        ("id", Gid.Of("AppInstallation", 1)),
        ("accessScopes", AccessScopes.All.Where(store.GrantedScopes.Contains).Select(s => new GraphMap("AccessScope", ("handle", s), ("description", s))).ToList()),
        ("app", new GraphMap("App", ("id", Gid.Of("App", 1)), ("title", "ShopifyPS"), ("handle", "shopifyps"))),
        ("launchUrl", "https://emulator.myshopify.com/admin/apps/shopifyps"));
}
