using System.Globalization;
using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>One field ShopifyPS manages: its value from the ERP (as text, so it can be remembered and compared) and
/// how it goes into a productUpdate or productVariantsBulk* input.</summary>
internal sealed record ManagedField<T>(string Name, Func<T, string> Value, Action<JObject, string> Put);

/// <summary>
/// The product and variant fields ShopifyPS owns (docs/architecture.md "Ownership on a live store"). Anything else on a
/// product — SEO, media, metafields no mapping names (mapped ones: <see cref="MetafieldPlan"/>), collections, options,
/// variants without an item variant behind them, tags it did not add — is the merchandiser's and never sent after
/// creation. Names are Shopify's input field names.
/// </summary>
internal static class ManagedFields
{
    public static readonly IReadOnlyList<ManagedField<ProductDraft>> Product =
    [
        new("title", d => d.Title, (input, v) => input["title"] = v),
        new("descriptionHtml", d => d.DescriptionHtml, (input, v) => input["descriptionHtml"] = v),
        new("vendor", d => d.Vendor, (input, v) => input["vendor"] = v),
        new("productType", d => d.ProductType, (input, v) => input["productType"] = v),
    ];

    /// <summary>Kept in the variant's price record (<see cref="VariantPrices"/>), shared with Sync-ShopifyPrice.</summary>
    public static readonly IReadOnlyList<ManagedField<VariantDraft>> Prices =
    [
        new("price", v => ProductSetInput.Money(v.Price), (input, v) => input["price"] = v),
        new("compareAtPrice", v => v.CompareAtPrice is { } c ? ProductSetInput.Money(c) : "", (input, v) => input["compareAtPrice"] = v.Length == 0 ? null : v),
        new("cost", v => ProductSetInput.Money(v.UnitCost), (input, v) => Item(input)["cost"] = v),
    ];

    public static readonly IReadOnlyList<ManagedField<VariantDraft>> Variant =
    [
        new("barcode", v => v.Barcode, (input, v) => input["barcode"] = v.Length == 0 ? null : v),
        new("inventoryPolicy", v => Policy(v.InventoryPolicy), (input, v) => input["inventoryPolicy"] = v),
        new("taxCode", v => v.TaxCode, (input, v) => input["taxCode"] = v.Length == 0 ? null : v),
        new("sku", v => v.Sku, (input, v) => Item(input)["sku"] = v),
        new("tracked", v => v.Tracked ? "true" : "false", (input, v) => Item(input)["tracked"] = v == "true"),
        new("weight", v => v.Weight.ToString(CultureInfo.InvariantCulture), (input, v) => Item(input)["measurement"] = new JObject
        {
            ["weight"] = new JObject { ["value"] = double.Parse(v, CultureInfo.InvariantCulture), ["unit"] = "KILOGRAMS" },
        }),
    ];

    /// <summary>Customs data (<see cref="CustomsData"/>), managed only while items.syncHsCodeAndCountry is on; blank clears.</summary>
    public static readonly IReadOnlyList<ManagedField<VariantDraft>> Customs =
    [
        new("harmonizedSystemCode", v => v.Customs!.HarmonizedSystemCode, (input, v) => Item(input)["harmonizedSystemCode"] = v.Length == 0 ? null : v),
        new("countryCodeOfOrigin", v => v.Customs!.CountryCodeOfOrigin, (input, v) => Item(input)["countryCodeOfOrigin"] = v.Length == 0 ? null : v),
    ];

    public static IEnumerable<ManagedField<VariantDraft>> AllVariant => Prices.Concat(Variant);

    /// <summary>Every field ShopifyPS manages on this variant: the customs fields only when the draft carries customs data.</summary>
    public static IEnumerable<ManagedField<VariantDraft>> Of(VariantDraft variant) => variant.Customs is null ? AllVariant : AllVariant.Concat(Customs);

    /// <summary>The variant field of that name (a change to send).</summary>
    public static ManagedField<VariantDraft> VariantField(string name) => AllVariant.Concat(Customs).First(f => f.Name == name);

    public static string Policy(InventoryPolicy policy) => policy == InventoryPolicy.Continue ? "CONTINUE" : "DENY";

    private static JObject Item(JObject input) => input["inventoryItem"] as JObject ?? (JObject)(input["inventoryItem"] = new JObject());
}
