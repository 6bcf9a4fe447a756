using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// productOptionUpdate: renames an option, adds, renames and deletes its values (what a merchandiser's edit of an
/// option in Shopify admin sends). Renames carry over to the variants that use the option or value. A value that
/// variants still use cannot be deleted (OPTION_VALUE_HAS_VARIANTS); variantStrategy MANAGE is not modelled.
/// </summary>
internal static class OptionMutations
{
    private const string Type = "ProductOptionUpdatePayload";

    public static object Update(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        var product = Lookup.Product(store, args.Str("productId"));
        if (product == null) return Fail(UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
        var input = args.Obj("option")!;
        var option = Gid.TryParse(In.Str(In.Get(input, "id")), "ProductOption", out var oid) ? product.Options.FirstOrDefault(o => o.Id == oid) : null;
        if (option == null) return Fail(UserError.At("Option does not exist", "OPTION_DOES_NOT_EXIST", "option", "id"));

        var errors = new List<UserError>();
        var newName = In.Str(In.Get(input, "name"));
        if (In.Has(input, "name") && string.IsNullOrWhiteSpace(newName))
            errors.Add(UserError.At("Option name can't be blank", "INVALID_NAME", "option", "name"));
        else if (newName != null && product.Options.Any(o => o != option && string.Equals(o.Name, newName, StringComparison.OrdinalIgnoreCase)))
            errors.Add(UserError.At($"Option '{newName}' already exists", "OPTION_ALREADY_EXISTS", "option", "name"));

        var renames = new List<(ProductOptionValue Value, string Name)>();
        var updates = args.List("optionValuesToUpdate");
        for (var i = 0; i < updates.Count; i++)
        {
            var u = In.Obj(updates[i])!;
            var value = Gid.TryParse(In.Str(In.Get(u, "id")), "ProductOptionValue", out var vid) ? option.Values.FirstOrDefault(v => v.Id == vid) : null;
            var name = In.Str(In.Get(u, "name"));
            if (value == null) errors.Add(UserError.At("Option value does not exist", "OPTION_VALUE_DOES_NOT_EXIST", "optionValuesToUpdate", i, "id"));
            else if (name != null) renames.Add((value, name));
        }
        var additions = args.List("optionValuesToAdd").Select(a => In.Str(In.Get(In.Obj(a)!, "name")) ?? "").ToList();
        for (var i = 0; i < additions.Count; i++)
            if (option.Values.Any(v => string.Equals(v.Name, additions[i], StringComparison.OrdinalIgnoreCase)))
                errors.Add(UserError.At($"Option value '{additions[i]}' already exists", "OPTION_VALUE_ALREADY_EXISTS", "optionValuesToAdd", i, "name"));
        var deletions = new List<ProductOptionValue>();
        var deleteIds = args.List("optionValuesToDelete");
        for (var i = 0; i < deleteIds.Count; i++)
        {
            var value = Gid.TryParse(In.Str(deleteIds[i]), "ProductOptionValue", out var did) ? option.Values.FirstOrDefault(v => v.Id == did) : null;
            if (value == null) errors.Add(UserError.At("Option value does not exist", "OPTION_VALUE_DOES_NOT_EXIST", "optionValuesToDelete", i));
            else if (product.Variants.Any(v => v.SelectedOptions.Any(s => s.Name == option.Name && s.Value == value.Name)))
                errors.Add(UserError.At($"Option value '{value.Name}' is used by variants", "OPTION_VALUE_HAS_VARIANTS", "optionValuesToDelete", i));
            else deletions.Add(value);
        }
        if (deletions.Count > 0 && deletions.Count == option.Values.Count && additions.Count == 0)
            errors.Add(UserError.At("Cannot delete all option values of an option", "CANNOT_DELETE_ALL_OPTION_VALUES_IN_OPTION", "optionValuesToDelete"));
        if (errors.Count > 0) return new GraphMap(Type, ("product", null), ("userErrors", errors));

        var oldName = option.Name;
        foreach (var (value, name) in renames)
        {
            foreach (var variant in product.Variants) Rename(variant, oldName, value.Name, null, name);
            value.Name = name;
        }
        if (newName != null)
        {
            foreach (var variant in product.Variants) Rename(variant, oldName, null, newName, null);
            option.Name = newName;
        }
        foreach (var name in additions) option.Values.Add(new ProductOptionValue { Id = store.NextId(), Name = name });
        foreach (var value in deletions) option.Values.Remove(value);
        store.Touch(product);
        return new GraphMap(Type, ("product", product), ("userErrors", new List<UserError>()));
    }

    /// <summary>Renames the option (and, when <paramref name="value"/> is given, that value) in a variant's selected options.</summary>
    private static void Rename(Variant variant, string option, string? value, string? newOption, string? newValue)
    {
        var i = variant.SelectedOptions.FindIndex(s => s.Name == option && (value == null || s.Value == value));
        if (i >= 0) variant.SelectedOptions[i] = (newOption ?? option, newValue ?? variant.SelectedOptions[i].Value);
    }

    private static GraphMap Fail(UserError error) => new(Type, ("product", null), ("userErrors", new List<UserError> { error }));
}
