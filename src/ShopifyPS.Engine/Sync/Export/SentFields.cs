using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// What ShopifyPS last sent for one product or variant, field by field (<see cref="ManagedFields"/>), and for a product
/// the tags it manages. An update compares the ERP's values with these, not with Shopify's, so a value a merchandiser
/// set in Shopify stays until the ERP's value changes. Kept in the connector's content records: ProductFields and
/// VariantFields as JSON, prices in the variant's price record that Sync-ShopifyPrice shares.
/// </summary>
internal sealed class SentFields
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    /// <summary>The tags ShopifyPS put on the product (products only).</summary>
    public List<string> Tags { get; } = [];

    public static SentFields Of(ProductDraft draft, IEnumerable<string> tags)
    {
        var sent = new SentFields();
        foreach (var field in ManagedFields.Product) sent.Values[field.Name] = field.Value(draft);
        sent.Tags.AddRange(tags);
        return sent;
    }

    public static SentFields Of(VariantDraft variant)
    {
        var sent = new SentFields();
        foreach (var field in ManagedFields.Of(variant)) sent.Values[field.Name] = field.Value(variant);
        return sent;
    }

    /// <summary>The product's record, or null when ShopifyPS never recorded one (a product it did not create).</summary>
    public static SentFields? ForProduct(IConnectorStore connector, string shop, string productId)
    {
        if (connector.GetHash(shop, ContentKind.ProductFields, productId) is not { } json) return null;
        var sent = Parse(json);
        if (JObject.Parse(json)["tags"] is JArray tags) sent.Tags.AddRange(tags.Values<string>().OfType<string>());
        return sent;
    }

    /// <summary>The variant's record, or null when there is none; its prices come from the price record, and are missing
    /// when no price was ever sent (then they count as changed, as in Sync-ShopifyPrice).</summary>
    public static SentFields? ForVariant(IConnectorStore connector, string shop, string variantId)
    {
        if (connector.GetHash(shop, ContentKind.VariantFields, variantId) is not { } json) return null;
        var sent = Parse(json);
        // A record from before customs data were managed: ShopifyPS sent none, so only a value the ERP has is sent.
        foreach (var field in ManagedFields.Customs) sent.Values.TryAdd(field.Name, "");
        sent.SetPrices(VariantPrices.Parse(connector.GetHash(shop, ContentKind.Variant, variantId)));
        return sent;
    }

    /// <summary>Replaces the price fields with the price record's (none when there is no record).</summary>
    public void SetPrices(VariantPrices? prices)
    {
        foreach (var field in ManagedFields.Prices) Values.Remove(field.Name);
        if (prices is null) return;
        var asDraft = new VariantDraft { VariantCode = "", Price = prices.Price, CompareAtPrice = prices.CompareAtPrice, UnitCost = prices.UnitCost };
        foreach (var field in ManagedFields.Prices) Values[field.Name] = field.Value(asDraft);
    }

    public void SaveProduct(IConnectorStore connector, string shop, string productId)
    {
        var json = JObject.FromObject(Values);
        json["tags"] = new JArray(Tags);
        connector.SetHash(shop, ContentKind.ProductFields, productId, json.ToString(Formatting.None));
    }

    public void SaveVariant(IConnectorStore connector, string shop, string variantId)
    {
        var json = new JObject();
        foreach (var field in ManagedFields.Variant.Concat(ManagedFields.Customs))
            if (Values.TryGetValue(field.Name, out var value)) json[field.Name] = value;
        connector.SetHash(shop, ContentKind.VariantFields, variantId, json.ToString(Formatting.None));
        if (ManagedFields.Prices.All(f => Values.ContainsKey(f.Name)))
        {
            var compareAt = Values["compareAtPrice"];
            var prices = new VariantPrices(Money(Values["price"]), compareAt.Length == 0 ? null : Money(compareAt), Money(Values["cost"]));
            connector.SetHash(shop, ContentKind.Variant, variantId, prices.Format());
        }
    }

    private static SentFields Parse(string json)
    {
        var sent = new SentFields();
        foreach (var property in JObject.Parse(json).Properties())
            if (property.Value.Type == JTokenType.String) sent.Values[property.Name] = property.Value.ToString();
        return sent;
    }

    private static decimal Money(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
