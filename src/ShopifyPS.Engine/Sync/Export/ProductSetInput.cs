using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Turns a priced <see cref="ProductDraft"/> into the input of the <c>productSet</c> that creates its product
/// (ProductSetInput, 2026-04): the product fields, its options ("Variant" with the item variant codes, or Shopify's
/// default "Title" option for an item without variants; with units as variants, the unit option after "Variant" or
/// alone; for an item without variants, its attributes marked AsOption), every variant with its inventory item, the status (S4) and
/// the stable handle. Products that exist are never sent through productSet again (see <see cref="ProductUpdate"/>).
/// </summary>
public static class ProductSetInput
{
    /// <summary>Handles of created products start with this, then the item no. (see <see cref="Handle"/>).</summary>
    public const string HandlePrefix = "item-";
    public const string VariantOptionName = "Variant";
    public const string DefaultOptionName = "Title";
    public const string DefaultOptionValue = "Default Title";

    /// <summary>
    /// The handle a created product gets: stable per item no., so a create that may have run before (a killed run, a
    /// lost answer) can look its product up by handle and continue with its ids instead of adding a second one.
    /// Shopify keeps lowercase letters and digits of a handle and turns everything else into single hyphens, and so
    /// does this.
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

    /// <summary>The option values that stand for the draft variant in Shopify, joined as Shopify titles a variant
    /// ("S / BOX"): how a variant is named in messages and found again among a product's variants.</summary>
    public static string OptionValue(ProductDraft draft, VariantDraft variant) => string.Join(" / ", OptionValues(draft, variant));

    /// <summary>The product's option names, in Shopify's order.</summary>
    public static IReadOnlyList<string> OptionNames(ProductDraft draft) =>
        draft.AttributeOptions.Count > 0 ? draft.AttributeOptions.Select(o => o.Name).ToList()
        : draft.UnitOptionName is { } unit ? draft.HasVariants ? [VariantOptionName, unit] : [unit]
        : [draft.HasVariants ? VariantOptionName : DefaultOptionName];

    /// <summary>The variant's option values, in the order of <see cref="OptionNames"/>.</summary>
    public static IReadOnlyList<string> OptionValues(ProductDraft draft, VariantDraft variant) =>
        draft.AttributeOptions.Count > 0 ? draft.AttributeOptions.Select(o => o.Value).ToList()
        : draft.UnitOptionName is not null ? draft.HasVariants ? [variant.OptionValue, variant.Unit.Code] : [variant.Unit.Code]
        : [draft.HasVariants ? variant.OptionValue : DefaultOptionValue];

    /// <summary>The unit the variant stands for as an option value; blank when units are not variants.</summary>
    public static string UnitOption(ProductDraft draft, VariantDraft variant) => draft.UnitOptionName is null ? "" : variant.Unit.Code;

    /// <summary>ProductVariantSetInput/ProductVariantsBulkInput <c>optionValues</c>: each option's value for the variant.</summary>
    public static JArray OptionValuesInput(IReadOnlyList<string> names, IReadOnlyList<string> values) =>
        new(names.Zip(values, (name, value) => new JObject { ["optionName"] = name, ["name"] = value }));

    /// <summary>The product as a create sends it (E9), with the product's tags (E10): every managed field
    /// (<see cref="ManagedFields"/>), its options and every variant.</summary>
    public static JObject Content(ProductDraft draft, IReadOnlyList<string> tags)
    {
        var names = OptionNames(draft);
        var content = new JObject();
        foreach (var field in ManagedFields.Product) field.Put(content, field.Value(draft));
        content["tags"] = new JArray(tags);
        if (draft.Metafields.Count > 0) content["metafields"] = Metafields(draft.Metafields);
        content["productOptions"] = new JArray(names.Select((name, i) => new JObject
        {
            ["name"] = name,
            ["values"] = new JArray(draft.Variants.Select(v => OptionValues(draft, v)[i]).Distinct().Select(value => new JObject { ["name"] = value })),
        }));
        content["variants"] = new JArray(draft.Variants.Select(v =>
        {
            var variant = new JObject
            {
                ["optionValues"] = OptionValuesInput(names, OptionValues(draft, v)),
                ["taxable"] = true,
            };
            foreach (var field in ManagedFields.Of(v)) field.Put(variant, field.Value(v));
            if (v.Metafields.Count > 0) variant["metafields"] = Metafields(v.Metafields);
            return variant;
        }));
        return content;
    }

    /// <summary>The input of a create: the content with the status for created products (S4), the stable handle, and
    /// — when the shop has default product locations — each variant's quantities there.</summary>
    public static JObject ForCreate(JObject content, ProductDraft draft, Func<VariantDraft, JArray>? quantities = null)
    {
        var input = (JObject)content.DeepClone();
        input["status"] = Status(draft.Status);
        input["handle"] = Handle(draft.ItemNo);
        if (quantities is not null)
            foreach (var (variant, json) in draft.Variants.Zip(input["variants"]!.Children<JObject>()))
                json["inventoryQuantities"] = quantities(variant);
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

    /// <summary>Mapped metafields as a MetafieldInput list (productSet, productVariantsBulkCreate).</summary>
    public static JArray Metafields(IEnumerable<MetafieldValue> values) => new(values.Select(v => new JObject
    {
        ["namespace"] = v.Namespace, ["key"] = v.Key, ["type"] = v.Type, ["value"] = v.Value,
    }));

    public static string Status(ProductStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>Shopify's Money and Decimal scalars: a decimal string.</summary>
    public static string Money(decimal amount) => amount.ToString("0.00########", CultureInfo.InvariantCulture);
}
