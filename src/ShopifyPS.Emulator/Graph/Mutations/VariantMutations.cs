using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using static ShopifyPS.Emulator.Graph.Mutations.ProductInputs;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>productVariantsBulkCreate / Update / Delete.</summary>
internal static class VariantMutations
{
    public static object BulkCreate(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        const string type = "ProductVariantsBulkCreatePayload";
        var product = Lookup.Product(store, args.Str("productId"));
        if (product == null)
            return Fail(type, UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
        var strategy = args.Str("strategy") ?? "DEFAULT";
        var inputs = args.List("variants").Select(v => In.Obj(v)!).ToList();
        var errors = new List<UserError>();
        // The standalone "Default Title" variant gives way to real options (DEFAULT and REMOVE_STANDALONE_VARIANT);
        // REMOVE_STANDALONE_VARIANT also removes a lone variant with custom options.
        var replaceDefault = IsStandaloneDefault(product) && strategy != "PRESERVE_STANDALONE_VARIANT";
        var removeStandalone = !replaceDefault && strategy == "REMOVE_STANDALONE_VARIANT" && product.Variants.Count == 1 ? product.Variants[0] : null;
        var optionNames = replaceDefault
            ? inputs.SelectMany(v => OptionValues(store, product, v).Select(o => o.OptionName)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : product.Options.Select(o => o.Name).ToList();
        var existingKeys = replaceDefault || removeStandalone != null ? new HashSet<string>() : product.Variants.Select(v => v.OptionKey).ToHashSet();
        var planned = new List<List<(string Name, string Value)>>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = new List<string> { "variants", i.ToString() };
            errors.AddRange(ValidateVariantFields(inputs[i], path, "NEGATIVE_PRICE_VALUE"));
            var given = OptionValues(store, product, inputs[i]);
            var chosen = new List<(string Name, string Value)>();
            foreach (var name in optionNames)
            {
                var match = given.FirstOrDefault(g => string.Equals(g.OptionName, name, StringComparison.OrdinalIgnoreCase));
                if (match.Value == null)
                    errors.Add(new UserError(Path(path, "optionValues"), $"Option '{name}' is missing a value", "NEED_TO_ADD_OPTION_VALUES"));
                else chosen.Add((name, match.Value));
            }
            if (given.Any(g => !optionNames.Contains(g.OptionName ?? "", StringComparer.OrdinalIgnoreCase)))
                errors.Add(new UserError(Path(path, "optionValues"), "Option does not exist on the product", "OPTION_VALUES_FOR_NUMBER_OF_UNKNOWN_OPTIONS"));
            var key = string.Join("\u001f", chosen.Select(c => c.Value.ToLowerInvariant()));
            if (!existingKeys.Add(key))
                errors.Add(new UserError(path, $"The variant '{string.Join(" / ", chosen.Select(c => c.Value))}' already exists.", "VARIANT_ALREADY_EXISTS"));
            var quantities = In.List(In.Get(inputs[i], "inventoryQuantities"));
            for (var q = 0; q < quantities.Count; q++)
                if (Lookup.Location(store, In.Str(In.Get(In.Obj(quantities[q])!, "locationId"))) == null)
                    errors.Add(new UserError(Path(path, "inventoryQuantities", q.ToString(), "locationId"), "Location does not exist", "TRACKED_VARIANT_LOCATION_NOT_FOUND"));
            errors.AddRange(MetafieldMutations.ValidateInputs(store, "PRODUCTVARIANT", inputs[i], null, path, "INVALID"));
            planned.Add(chosen);
        }
        if (errors.Count > 0)
            return new GraphMap(type, ("product", null), ("productVariants", null), ("userErrors", errors));

        if (replaceDefault)
        {
            var standalone = product.Variants[0];
            SetOptions(store, product, optionNames.Select(n => (n, new List<string>())).ToList());
            store.DeleteVariant(standalone);
        }
        var created = new List<Variant>();
        for (var i = 0; i < inputs.Count; i++)
        {
            foreach (var (name, value) in planned[i])
                EnsureOptionValue(store, product.Options.First(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)), value);
            var variant = store.CreateVariant(product, planned[i]);
            ApplyVariantFields(store, variant, inputs[i]);
            MetafieldMutations.ApplyInputs(store, variant.Metafields, variant.Gid, inputs[i]);
            foreach (var raw in In.List(In.Get(inputs[i], "inventoryQuantities")))
            {
                var qi = In.Obj(raw)!;
                var level = store.Stock(variant.InventoryItem, Lookup.Location(store, In.Str(In.Get(qi, "locationId")))!);
                level.Set("available", In.Int(In.Get(qi, "availableQuantity")) ?? 0);
            }
            created.Add(variant);
        }
        if (removeStandalone != null) store.DeleteVariant(removeStandalone);
        store.Touch(product);
        return new GraphMap(type, ("product", product), ("productVariants", created), ("userErrors", new List<UserError>()));
    }

    public static object BulkUpdate(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        const string type = "ProductVariantsBulkUpdatePayload";
        var product = Lookup.Product(store, args.Str("productId"));
        if (product == null)
            return Fail(type, UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
        var inputs = args.List("variants").Select(v => In.Obj(v)!).ToList();
        var errors = new List<UserError>();
        var valid = new List<(Variant Variant, IDictionary<string, object?> Input)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = new List<string> { "variants", i.ToString() };
            var before = errors.Count;
            var variant = In.Str(In.Get(inputs[i], "id")) is { } id ? Lookup.Variant(store, id) : null;
            if (!In.Has(inputs[i], "id"))
                errors.Add(new UserError(Path(path, "id"), "Product variant is missing ID attribute", "PRODUCT_VARIANT_ID_MISSING"));
            else if (variant == null || variant.Product != product)
                errors.Add(new UserError(Path(path, "id"), "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
            if (In.Has(inputs[i], "inventoryQuantities"))
                errors.Add(new UserError(Path(path, "inventoryQuantities"), "Inventory quantities can only be provided during create. To update inventory for existing variants, use inventoryAdjustQuantities.", "NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE"));
            errors.AddRange(ValidateVariantFields(inputs[i], path, "NEGATIVE_PRICE_VALUE"));
            if (errors.Count == before) valid.Add((variant!, inputs[i]));
        }
        // Without allowPartialUpdates any error prevents every variant from updating.
        if (errors.Count > 0 && args.Bool("allowPartialUpdates") != true)
            return new GraphMap(type, ("product", null), ("productVariants", null), ("userErrors", errors));
        foreach (var (variant, input) in valid)
        {
            foreach (var (name, value) in OptionValues(store, product, input))
            {
                if (name == null || value == null) continue;
                var idx = variant.SelectedOptions.FindIndex(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
                if (idx < 0) continue;
                EnsureOptionValue(store, product.Options.First(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)), value);
                variant.SelectedOptions[idx] = (variant.SelectedOptions[idx].Name, value);
            }
            ApplyVariantFields(store, variant, input);
        }
        store.Touch(product);
        return new GraphMap(type, ("product", product), ("productVariants", valid.Select(v => v.Variant).ToList()), ("userErrors", errors));
    }

    public static object BulkDelete(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        const string type = "ProductVariantsBulkDeletePayload";
        var product = Lookup.Product(store, args.Str("productId"));
        if (product == null)
            return Fail(type, UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
        var variants = args.List("variantsIds").Select(id => Lookup.Variant(store, In.Str(id))).ToList();
        if (variants.Any(v => v == null || v.Product != product))
            return Fail(type, UserError.At("At least one variant does not belong to the product", "AT_LEAST_ONE_VARIANT_DOES_NOT_BELONG_TO_THE_PRODUCT", "variantsIds"));
        if (variants.Distinct().Count() >= product.Variants.Count)
            return Fail(type, UserError.At("Cannot delete the last variant of a product", "CANNOT_DELETE_LAST_VARIANT", "variantsIds"));
        foreach (var v in variants.Distinct()) store.DeleteVariant(v!);
        store.Touch(product);
        return new GraphMap(type, ("product", product), ("userErrors", new List<UserError>()));
    }

    private static GraphMap Fail(string type, UserError error) =>
        new(type, ("product", null), ("productVariants", null), ("userErrors", new List<UserError> { error }));
}
