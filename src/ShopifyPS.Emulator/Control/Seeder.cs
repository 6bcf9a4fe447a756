using System.Globalization;
using System.Text.Json.Nodes;
using ShopifyPS.Emulator.Graph.Mutations;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Control;

internal sealed class SeedException(string message) : Exception(message);

/// <summary>
/// Loads the seed format (README, "Seed format"): shop, locations and products with options,
/// variants and inventory by location name or gid. Used by --seed, /emulator/seed and reset.
/// </summary>
internal static class Seeder
{
    public static JsonObject Load(ShopStore store, string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new SeedException("The seed must be a JSON object.");
        Check(store, root);
        if (root["shop"] is JsonObject shop)
        {
            store.ShopName = Str(shop, "name") ?? store.ShopName;
            store.Currency = Str(shop, "currencyCode") ?? Str(shop, "currency") ?? store.Currency;
            store.Domain = Str(shop, "myshopifyDomain") ?? store.Domain;
        }
        var locations = new JsonArray();
        foreach (var node in root["locations"] as JsonArray ?? new JsonArray())
        {
            var l = node as JsonObject ?? throw new SeedException("Each location must be an object.");
            var loc = store.AddLocation(Str(l, "name") ?? throw new SeedException("A location needs a name."), Str(l, "address1"), Str(l, "city"));
            if (Bool(l, "isActive") is { } active) loc.IsActive = active;
            if (Bool(l, "fulfillsOnlineOrders") is { } fulfills) loc.FulfillsOnlineOrders = fulfills;
            if (Bool(l, "shipsInventory") is { } ships) loc.ShipsInventory = ships;
            loc.FulfillmentService = Str(l, "fulfillmentService");
            locations.Add(new JsonObject { ["id"] = loc.Gid, ["name"] = loc.Name });
        }
        var products = new JsonArray();
        foreach (var node in root["products"] as JsonArray ?? new JsonArray())
            products.Add(AddProduct(store, node as JsonObject ?? throw new SeedException("Each product must be an object.")));
        var collections = new JsonArray();
        foreach (var node in root["collections"] as JsonArray ?? new JsonArray())
        {
            var c = node as JsonObject ?? throw new SeedException("Each collection must be an object.");
            var collection = store.AddCollection(Str(c, "title") ?? throw new SeedException("A collection needs a title."), Str(c, "handle"), Bool(c, "smart") ?? false);
            collections.Add(new JsonObject { ["id"] = collection.Gid, ["handle"] = collection.Handle });
        }
        foreach (var node in root["metafieldDefinitions"] as JsonArray ?? new JsonArray())
        {
            var d = (JsonObject)node!;
            store.AddMetafieldDefinition(Str(d, "ownerType") ?? "PRODUCT", Str(d, "namespace")!, Str(d, "key")!, Str(d, "type")!, Str(d, "name"));
        }
        foreach (var node in root["locales"] as JsonArray ?? new JsonArray())
        {
            var l = node as JsonObject ?? throw new SeedException("Each locale must be an object.");
            var code = Str(l, "locale") ?? throw new SeedException("A locale needs its code (locale).");
            if (store.Locales.Any(x => x.Locale == code)) throw new SeedException($"The shop has the locale '{code}' already.");
            store.Locales.Add(new ShopLocale { Locale = code, Name = Str(l, "name") ?? code, Published = Bool(l, "published") ?? false });
        }
        return new JsonObject { ["locations"] = locations, ["products"] = products, ["collections"] = collections };
    }

    /// <summary>Finds the mistakes a seed can have before anything is added, so a bad seed changes nothing.</summary>
    private static void Check(ShopStore store, JsonObject root)
    {
        CheckDefinitions(root);
        var names = store.Locations.Values.Select(l => l.Name)
            .Concat((root["locations"] as JsonArray ?? new JsonArray()).Select(l => (l as JsonObject)?["name"]?.GetValue<string>() ?? throw new SeedException("A location needs a name.")))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var node in root["products"] as JsonArray ?? new JsonArray())
        {
            var p = node as JsonObject ?? throw new SeedException("Each product must be an object.");
            if (Str(p, "title") == null) throw new SeedException("A product needs a title.");
            if (p["options"] == null && (p["variants"] as JsonArray)?.Count > 1)
                throw new SeedException($"Product '{Str(p, "title")}' has several variants but no options.");
            foreach (var v in p["variants"] as JsonArray ?? new JsonArray())
            foreach (var (key, _) in (v as JsonObject)?["inventory"] as JsonObject ?? new JsonObject())
                if (!names.Contains(key) && !(Gid.TryParse(key, "Location", out var id) && store.Locations.ContainsKey(id)))
                    throw new SeedException($"Unknown location '{key}'.");
        }
    }

    private static void CheckDefinitions(JsonObject root)
    {
        foreach (var node in root["metafieldDefinitions"] as JsonArray ?? new JsonArray())
        {
            var d = node as JsonObject ?? throw new SeedException("Each metafield definition must be an object.");
            if (Str(d, "namespace") is null || Str(d, "key") is null || Str(d, "type") is null)
                throw new SeedException("A metafield definition needs a namespace, a key and a type.");
            if (Str(d, "ownerType") is { } owner && owner is not ("PRODUCT" or "PRODUCTVARIANT"))
                throw new SeedException($"Metafield definition owner type '{owner}' is not PRODUCT or PRODUCTVARIANT.");
        }
    }

    private static JsonObject AddProduct(ShopStore store, JsonObject p)
    {
        var title = Str(p, "title") ?? throw new SeedException("A product needs a title.");
        var handle = Str(p, "handle") is { } h ? store.UniqueHandle(ShopStore.Slug(h), null) : null;
        var product = store.CreateProduct(title, handle);
        product.Vendor = Str(p, "vendor") ?? "";
        product.ProductType = Str(p, "productType") ?? "";
        product.Status = Str(p, "status") ?? "ACTIVE";
        product.DescriptionHtml = Str(p, "descriptionHtml") ?? "";
        product.Tags = ProductInputs.Tags((p["tags"] as JsonArray)?.Select(t => (object?)t?.GetValue<string>()).ToList());

        var options = (p["options"] as JsonArray ?? new JsonArray())
            .Select(o => (Name: Str((JsonObject)o!, "name") ?? "", Values: ((o!["values"] as JsonArray) ?? new JsonArray()).Select(v => v!.GetValue<string>()).ToList()))
            .ToList();
        var variants = p["variants"] as JsonArray ?? new JsonArray { new JsonObject() };
        ProductInputs.SetOptions(store, product, options.Count == 0 ? new() { ("Title", new List<string> { "Default Title" }) } : options);

        var variantsOut = new JsonArray();
        foreach (var vnode in variants)
        {
            var v = vnode as JsonObject ?? throw new SeedException("Each variant must be an object.");
            var values = (v["options"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList() ?? new List<string>();
            var selected = options.Count == 0
                ? new List<(string, string)> { ("Title", "Default Title") }
                : options.Select((o, i) => (o.Name, i < values.Count ? values[i] : o.Values.FirstOrDefault() ?? "")).ToList();
            foreach (var (name, value) in selected)
                ProductInputs.EnsureOptionValue(store, product.Options.First(o => o.Name == name), value);
            var variant = store.CreateVariant(product, selected);
            store.SetSku(variant.InventoryItem, Str(v, "sku"));
            store.SetBarcode(variant, Str(v, "barcode"));
            variant.Price = Dec(v, "price") ?? 0;
            variant.CompareAtPrice = Dec(v, "compareAtPrice");
            variant.InventoryPolicy = Str(v, "inventoryPolicy") ?? "DENY";
            variant.Taxable = Bool(v, "taxable") ?? true;
            variant.InventoryItem.Tracked = Bool(v, "tracked") ?? true;
            variant.InventoryItem.Cost = Dec(v, "cost");
            variant.InventoryItem.WeightValue = (double?)Dec(v, "weight");
            variant.InventoryItem.WeightUnit = Str(v, "weightUnit") ?? "KILOGRAMS";
            variant.InventoryItem.HarmonizedSystemCode = Str(v, "harmonizedSystemCode");
            variant.InventoryItem.CountryCodeOfOrigin = Str(v, "countryCodeOfOrigin");
            if (v["inventory"] is JsonObject inventory)
            {
                foreach (var (locKey, qty) in inventory)
                {
                    var level = store.Stock(variant.InventoryItem, FindLocation(store, locKey));
                    SetQuantities(level, qty);
                }
            }
            variantsOut.Add(new JsonObject { ["id"] = variant.Gid, ["sku"] = variant.Sku, ["inventoryItemId"] = variant.InventoryItem.Gid });
        }
        return new JsonObject { ["id"] = product.Gid, ["handle"] = product.Handle, ["variants"] = variantsOut };
    }

    /// <summary>
    /// Sets level quantities directly (committed included, which no API mutation can set):
    /// [{"inventoryItemId"|"sku", "locationId"|"location", "available"?, "committed"?, ...}]. Stocks the item if needed.
    /// </summary>
    public static JsonObject SetLevels(ShopStore store, JsonArray levels)
    {
        var result = new JsonArray();
        foreach (var node in levels)
        {
            var l = node as JsonObject ?? throw new SeedException("Each level must be an object.");
            InventoryItem? item = Str(l, "inventoryItemId") is { } iid
                ? (Gid.TryParse(iid, "InventoryItem", out var id) && store.InventoryItems.TryGetValue(id, out var i) ? i : null)
                : store.VariantsBySku(Str(l, "sku") ?? "").FirstOrDefault()?.InventoryItem;
            if (item == null) throw new SeedException($"No inventory item for {l.ToJsonString()}.");
            var location = FindLocation(store, Str(l, "locationId") ?? Str(l, "location") ?? "");
            var level = store.Stock(item, location);
            SetQuantities(level, l);
            level.UpdatedAt = store.Now();
            store.Touch(item);
            var quantities = new JsonObject { ["inventoryItemId"] = item.Gid, ["locationId"] = location.Gid };
            foreach (var name in InventoryLevel.StoredNames.Append("on_hand")) quantities[name] = level.Get(name);
            result.Add(quantities);
        }
        return new JsonObject { ["levels"] = result };
    }

    private static void SetQuantities(InventoryLevel level, JsonNode? qty)
    {
        if (qty is JsonValue single) { level.Set("available", single.GetValue<int>()); return; }
        if (qty is not JsonObject o) return;
        foreach (var name in InventoryLevel.StoredNames)
            if (o[name] is JsonValue v) level.Set(name, v.GetValue<int>());
    }

    private static Location FindLocation(ShopStore store, string key) =>
        (Gid.TryParse(key, "Location", out var id) && store.Locations.TryGetValue(id, out var byId) ? byId : null)
        ?? store.Locations.Values.FirstOrDefault(l => string.Equals(l.Name, key, StringComparison.OrdinalIgnoreCase))
        ?? throw new SeedException($"Unknown location '{key}'.");

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static decimal? Dec(JsonObject o, string key) => o[key] switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
