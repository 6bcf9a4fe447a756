using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Turns a priced <see cref="ProductDraft"/> into the input of one <c>productSet</c> (ProductSetInput, 2026-04): the
/// product fields, its one option ("Variant" with the item variant codes, or Shopify's default "Title" option for
/// an item without variants) and every variant with its inventory item. The content is what both a create and an
/// update send; a create adds the status (S4) and the handle that makes it safe to run again, an update the known
/// variant ids. The status is left out of updates so that a status set in Shopify (or by Set-ShopifyProduct) stays.
/// </summary>
public static class ProductSetInput
{
    /// <summary>Handles of created products start with this, then the item no. (see <see cref="Handle"/>).</summary>
    public const string HandlePrefix = "item-";
    public const string VariantOptionName = "Variant";
    public const string DefaultOptionName = "Title";
    public const string DefaultOptionValue = "Default Title";

    /// <summary>
    /// The handle a created product gets: stable per item no., so a create that is sent again after a crash
    /// (productSet with <c>identifier: {handle}</c> is an upsert) updates the product it created instead of adding
    /// a second one. Shopify keeps lowercase letters and digits of a handle and turns everything else into single
    /// hyphens, and so does this.
    /// </summary>
    public static string Handle(string itemNo)
    {
        var slug = new StringBuilder(itemNo.Length);
        foreach (var c in itemNo.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return HandlePrefix + slug.ToString().Trim('-');
    }

    /// <summary>The option value that stands for the draft variant in Shopify.</summary>
    public static string OptionValue(ProductDraft draft, VariantDraft variant) => draft.HasVariants ? variant.OptionValue : DefaultOptionValue;

    public static string OptionName(ProductDraft draft) => draft.HasVariants ? VariantOptionName : DefaultOptionName;

    /// <summary>What a create and an update both send (E9), with the product's tags (E10).</summary>
    public static JObject Content(ProductDraft draft, IReadOnlyList<string> tags)
    {
        var optionName = OptionName(draft);
        return new JObject
        {
            ["title"] = draft.Title,
            ["descriptionHtml"] = draft.DescriptionHtml,
            ["vendor"] = draft.Vendor,
            ["productType"] = draft.ProductType,
            ["tags"] = new JArray(tags),
            ["productOptions"] = new JArray(new JObject
            {
                ["name"] = optionName,
                ["values"] = new JArray(draft.Variants.Select(v => new JObject { ["name"] = OptionValue(draft, v) })),
            }),
            ["variants"] = new JArray(draft.Variants.Select(v => new JObject
            {
                ["optionValues"] = new JArray(new JObject { ["optionName"] = optionName, ["name"] = OptionValue(draft, v) }),
                ["barcode"] = v.Barcode.Length == 0 ? null : v.Barcode,
                ["price"] = Money(v.Price),
                ["compareAtPrice"] = v.CompareAtPrice is { } compareAt ? Money(compareAt) : null,
                ["inventoryPolicy"] = v.InventoryPolicy == InventoryPolicy.Continue ? "CONTINUE" : "DENY",
                ["taxable"] = true,
                ["taxCode"] = v.TaxCode.Length == 0 ? null : v.TaxCode,
                ["inventoryItem"] = new JObject
                {
                    ["sku"] = v.Sku,
                    ["tracked"] = v.Tracked,
                    ["cost"] = Money(v.UnitCost),
                    ["measurement"] = new JObject { ["weight"] = new JObject { ["value"] = (double)v.Weight, ["unit"] = "KILOGRAMS" } },
                },
            })),
        };
    }

    /// <summary>
    /// The content hash of a product (E11): SHA-256 of the content without the prices, which are kept per variant
    /// (<see cref="VariantPrices"/>) so that Sync-ShopifyPrice and Sync-ShopifyProduct each see what the other sent.
    /// </summary>
    public static string Hash(JObject content)
    {
        var copy = (JObject)content.DeepClone();
        foreach (var variant in copy["variants"]!.Children<JObject>())
        {
            variant.Remove("price");
            variant.Remove("compareAtPrice");
            ((JObject)variant["inventoryItem"]!).Remove("cost");
        }
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(copy.ToString(Formatting.None)));
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    /// <summary>The input of a create: the content with the status for created products (S4) and the stable handle.</summary>
    public static JObject ForCreate(JObject content, ProductDraft draft)
    {
        var input = (JObject)content.DeepClone();
        input["status"] = Status(draft.Status);
        input["handle"] = Handle(draft.ItemNo);
        return input;
    }

    /// <summary>The input of an update: the content with the ids of the variants already known, by option value.</summary>
    public static JObject ForUpdate(JObject content, IReadOnlyDictionary<string, string> variantIdsByOptionValue)
    {
        var input = (JObject)content.DeepClone();
        foreach (var variant in input["variants"]!.Children<JObject>())
            if (variantIdsByOptionValue.TryGetValue(variant["optionValues"]![0]!.Value<string>("name")!, out var id))
                variant.AddFirst(new JProperty("id", id));
        return input;
    }

    /// <summary>The variables of ProductSet.graphql (also one line of the bulk mutation).</summary>
    public static JObject Variables(JObject input, JObject identifier, int variantCount) => new()
    {
        ["input"] = input,
        ["identifier"] = identifier,
        ["synchronous"] = true,
        ["variantsFirst"] = Math.Clamp(variantCount, 1, 250),
    };

    public static string Status(ShopifyProductStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>Shopify's Money and Decimal scalars: a decimal string.</summary>
    public static string Money(decimal amount) => amount.ToString("0.00########", CultureInfo.InvariantCulture);
}
