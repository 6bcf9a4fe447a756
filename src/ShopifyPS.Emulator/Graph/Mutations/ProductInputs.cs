using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>Reading product, variant and inventory item inputs shared by productSet, productCreate/Update and variant bulk mutations.</summary>
internal static class ProductInputs
{
    /// <summary>Tags as Shopify stores them: trimmed, comma-separated entries split, duplicates (case-insensitive) dropped.</summary>
    public static List<string> Tags(object? value)
    {
        var result = new List<string>();
        foreach (var raw in In.List(value))
        foreach (var part in (In.Str(raw) ?? "").Split(','))
        {
            var tag = part.Trim();
            if (tag.Length > 0 && !result.Contains(tag, StringComparer.OrdinalIgnoreCase)) result.Add(tag);
        }
        return result;
    }

    /// <summary>Shopify's limit on a product title ("up to 255 characters" in its product guide).</summary>
    public const int MaxTitleLength = 255;

    /// <summary>The title in the input is longer than Shopify takes.</summary>
    public static bool TitleTooLong(IDictionary<string, object?> input) => In.Str(In.Get(input, "title")) is { Length: > MaxTitleLength };

    public const string TitleTooLongMessage = "Title is too long (maximum is 255 characters)";

    /// <summary>Checks the handle a client asked for; null when it is free (or already this product's).</summary>
    public static string? HandleConflict(ShopStore store, IDictionary<string, object?> input, Product? owner) =>
        In.Str(In.Get(input, "handle")) is { Length: > 0 } h && store.ProductsByHandle.TryGetValue(ShopStore.Slug(h), out var other) && other != owner
            ? $"Handle '{ShopStore.Slug(h)}' already in use. Please provide a new handle."
            : null;

    /// <summary>Copies the scalar product fields present in the input ("updates only the included fields").</summary>
    public static void ApplyProductFields(ShopStore store, Product p, IDictionary<string, object?> input)
    {
        if (In.Has(input, "title") && In.Str(In.Get(input, "title")) is { } title) p.Title = title;
        if (In.Has(input, "descriptionHtml")) p.DescriptionHtml = In.Str(In.Get(input, "descriptionHtml")) ?? "";
        if (In.Has(input, "vendor")) p.Vendor = In.Str(In.Get(input, "vendor")) ?? "";
        if (In.Has(input, "productType")) p.ProductType = In.Str(In.Get(input, "productType")) ?? "";
        if (In.Has(input, "status") && In.Str(In.Get(input, "status")) is { } status) p.Status = status;
        if (In.Has(input, "templateSuffix")) p.TemplateSuffix = In.Str(In.Get(input, "templateSuffix"));
        if (In.Has(input, "tags")) p.Tags = Tags(In.Get(input, "tags"));
        if (In.Obj(In.Get(input, "seo")) is { } seo)
        {
            if (In.Has(seo, "title")) p.SeoTitle = In.Str(In.Get(seo, "title"));
            if (In.Has(seo, "description")) p.SeoDescription = In.Str(In.Get(seo, "description"));
        }
        if (In.Str(In.Get(input, "handle")) is { Length: > 0 } handle) store.SetHandle(p, ShopStore.Slug(handle));
    }

    /// <summary>Replaces the product's options, keeping the ids of options and values whose names survive.</summary>
    public static void SetOptions(ShopStore store, Product p, List<(string Name, List<string> Values)> options)
    {
        var old = p.Options.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        p.Options.Clear();
        var position = 1;
        foreach (var (name, values) in options)
        {
            var option = old.TryGetValue(name, out var existing) ? existing : new ProductOption { Id = store.NextId(), Name = name };
            option.Name = name;
            option.Position = position++;
            var oldValues = option.Values.ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);
            option.Values.Clear();
            foreach (var value in values)
                option.Values.Add(oldValues.TryGetValue(value, out var v) ? v : new ProductOptionValue { Id = store.NextId(), Name = value });
            p.Options.Add(option);
        }
    }

    /// <summary>Adds a value to an option if it is new (variant mutations may introduce values).</summary>
    public static void EnsureOptionValue(ShopStore store, ProductOption option, string value)
    {
        if (!option.Values.Any(v => string.Equals(v.Name, value, StringComparison.OrdinalIgnoreCase)))
            option.Values.Add(new ProductOptionValue { Id = store.NextId(), Name = value });
    }

    public static bool IsStandaloneDefault(Product p) =>
        p.Variants.Count == 1 && p.Options.Count == 1 && p.Options[0].Name == "Title" && p.Variants[0].Title == "Default Title";

    public static void MakeDefaultVariant(ShopStore store, Product p)
    {
        SetOptions(store, p, new() { ("Title", new List<string> { "Default Title" }) });
        store.CreateVariant(p, new() { ("Title", "Default Title") });
    }

    /// <summary>Checks a variant input's own fields; returns userErrors (empty when valid).</summary>
    public static List<UserError> ValidateVariantFields(IDictionary<string, object?> v, List<string> path, string negativePriceCode)
    {
        var errors = new List<UserError>();
        if (In.Has(v, "price") && In.Dec(In.Get(v, "price")) is not { } price)
            errors.Add(new UserError(Path(path, "price"), "Price is not a valid decimal", "INVALID_INPUT"));
        else if (In.Dec(In.Get(v, "price")) is < 0)
            errors.Add(new UserError(Path(path, "price"), "Price must be greater than or equal to 0", negativePriceCode));
        if (In.Get(v, "compareAtPrice") is { } cap && In.Dec(cap) is null)
            errors.Add(new UserError(Path(path, "compareAtPrice"), "Compare at price is not a valid decimal", "INVALID_INPUT"));
        if (In.Obj(In.Get(v, "inventoryItem")) is { } item && HarmonizedSystemCode(item, Path(path, "inventoryItem"), "INVALID_INPUT") is { } hs)
            errors.Add(hs);
        return errors;
    }

    /// <summary>Shopify's rule for InventoryItemInput.harmonizedSystemCode: "a number between 6 and 13 digits" (null clears it).</summary>
    public static UserError? HarmonizedSystemCode(IDictionary<string, object?> item, List<string> path, string? code) =>
        In.Str(In.Get(item, "harmonizedSystemCode")) is { } hs && (hs.Length is < 6 or > 13 || !hs.All(char.IsAsciiDigit))
            ? new UserError(Path(path, "harmonizedSystemCode"), "Harmonized system code must be a number between 6 and 13 digits", code)
            : null;

    public static List<string> Path(List<string> prefix, params string[] rest) => prefix.Concat(rest).ToList();

    /// <summary>Copies the variant fields present in the input, including its inventoryItem sub-input.</summary>
    public static void ApplyVariantFields(ShopStore store, Variant v, IDictionary<string, object?> input)
    {
        if (In.Dec(In.Get(input, "price")) is { } price) v.Price = price;
        if (In.Has(input, "compareAtPrice")) v.CompareAtPrice = In.Dec(In.Get(input, "compareAtPrice"));
        if (In.Has(input, "barcode")) store.SetBarcode(v, In.Str(In.Get(input, "barcode")));
        if (In.Has(input, "sku")) store.SetSku(v.InventoryItem, In.Str(In.Get(input, "sku")));
        if (In.Str(In.Get(input, "inventoryPolicy")) is { } policy) v.InventoryPolicy = policy;
        if (In.Get(input, "taxable") is bool taxable) v.Taxable = taxable;
        if (In.Has(input, "taxCode")) v.TaxCode = In.Str(In.Get(input, "taxCode"));
        if (In.Obj(In.Get(input, "inventoryItem")) is { } item) ApplyInventoryItem(store, v.InventoryItem, item);
        if (In.Has(input, "mediaId")) v.Image = Lookup.Media(store, In.Str(In.Get(input, "mediaId")));
        store.Touch(v);
    }

    public static void ApplyInventoryItem(ShopStore store, InventoryItem item, IDictionary<string, object?> input)
    {
        if (In.Has(input, "sku")) store.SetSku(item, In.Str(In.Get(input, "sku")));
        if (In.Get(input, "tracked") is bool tracked) item.Tracked = tracked;
        if (In.Has(input, "cost")) item.Cost = In.Dec(In.Get(input, "cost"));
        if (In.Get(input, "requiresShipping") is bool rs) item.RequiresShipping = rs;
        if (In.Has(input, "countryCodeOfOrigin")) item.CountryCodeOfOrigin = In.Str(In.Get(input, "countryCodeOfOrigin"));
        if (In.Has(input, "harmonizedSystemCode")) item.HarmonizedSystemCode = In.Str(In.Get(input, "harmonizedSystemCode"));
        if (In.Obj(In.Get(input, "measurement")) is { } m && In.Obj(In.Get(m, "weight")) is { } w)
        {
            item.WeightValue = (double?)In.Dec(In.Get(w, "value"));
            item.WeightUnit = In.Str(In.Get(w, "unit")) ?? item.WeightUnit;
        }
        store.Touch(item);
    }

    /// <summary>Variant option values from VariantOptionValueInput (by optionName or optionId, value by name or id).</summary>
    public static List<(string? OptionName, string? Value)> OptionValues(ShopStore store, Product? p, IDictionary<string, object?> variant)
    {
        var result = new List<(string?, string?)>();
        foreach (var raw in In.List(In.Get(variant, "optionValues")))
        {
            if (In.Obj(raw) is not { } ov) continue;
            var optionName = In.Str(In.Get(ov, "optionName"));
            var value = In.Str(In.Get(ov, "name"));
            if (optionName == null && Gid.TryParse(In.Str(In.Get(ov, "optionId")), "ProductOption", out var oid))
                optionName = p?.Options.FirstOrDefault(o => o.Id == oid)?.Name;
            if (value == null && Gid.TryParse(In.Str(In.Get(ov, "id")), "ProductOptionValue", out var vid))
                value = p?.Options.SelectMany(o => o.Values).FirstOrDefault(x => x.Id == vid)?.Name;
            result.Add((optionName, value));
        }
        return result;
    }
}
