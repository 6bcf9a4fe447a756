using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Runtime;
using ShopifyPS.Emulator.State;
using static ShopifyPS.Emulator.Graph.Mutations.ProductInputs;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// productSet(input, synchronous, identifier): creates or updates a product with its options and
/// variants in one call. List fields are replacements (variants not listed are deleted); other
/// fields change only when present. A variant without id is a new variant, even on an existing product
/// with a variant of the same option values (the 2026-04 schema: "the ID of the product variant to update
/// or create a new variant if absent"): that variant, being left out, is deleted, so its id and its
/// inventory item's id are gone. The whole input is checked before anything changes.
/// </summary>
internal static class ProductSetMutation
{
    public const int MaxVariants = 2048;
    public const int MaxOptions = 3;
    public const int MaxInventoryQuantities = 50_000;

    private sealed record VariantPlan(IDictionary<string, object?> Input, List<(string Name, string Value)> Options, Variant? Existing);

    public static object Run(Args args, ExecContext ctx, EmulatorRuntime rt)
    {
        var store = ctx.Store;
        var input = args.Obj("input")!;
        var errors = new List<UserError>();
        Product? product = null;
        string? upsertHandle = null;

        if (args.Obj("identifier") is { } ident)
        {
            if (In.Str(In.Get(ident, "id")) is { } id)
            {
                product = Lookup.Product(store, id);
                if (product == null) errors.Add(UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "identifier", "id"));
            }
            else if (In.Str(In.Get(ident, "handle")) is { } handle)
            {
                if (!store.ProductsByHandle.TryGetValue(ShopStore.Slug(handle), out product)) upsertHandle = ShopStore.Slug(handle);
            }
            else errors.Add(UserError.At("The emulator supports identifier.id and identifier.handle only", "INVALID_INPUT", "identifier"));
        }
        if (errors.Count > 0) return Payload(args, ctx, null, errors);

        var creating = product == null;
        if (creating && string.IsNullOrWhiteSpace(In.Str(In.Get(input, "title"))))
            errors.Add(UserError.At("Title can't be blank", "INVALID_PRODUCT", "input", "title"));
        if (ProductInputs.TitleTooLong(input))
            errors.Add(UserError.At(ProductInputs.TitleTooLongMessage, "INVALID_PRODUCT", "input", "title"));
        if (HandleConflict(store, input, product) is { } conflict)
            errors.Add(UserError.At(conflict, "HANDLE_NOT_UNIQUE", "input", "handle"));

        var hasOptions = In.Has(input, "productOptions");
        var hasVariants = In.Has(input, "variants");
        if (hasVariants && !hasOptions)
            errors.Add(UserError.At("Product options input is required when updating variants.", "PRODUCT_OPTIONS_INPUT_MISSING", "input", "productOptions"));
        if (hasOptions && !hasVariants)
            errors.Add(UserError.At("Variants input is required when updating product options.", "VARIANTS_INPUT_MISSING", "input", "variants"));

        var files = In.List(In.Get(input, "files"));
        errors.AddRange(MediaMutations.ValidateFileSet(store, files));
        errors.AddRange(MetafieldMutations.ValidateInputs(store, "PRODUCT", input, product?.Metafields, ["input"], "INVALID_METAFIELD"));
        var collections = Collections(store, input, errors);

        var options = hasOptions ? ReadOptions(product, In.List(In.Get(input, "productOptions")), errors) : new();
        var plans = hasVariants && errors.Count == 0 ? PlanVariants(ctx, product, options, In.List(In.Get(input, "variants")), errors) : new();
        CheckVariantFiles(plans, files, errors);
        if (errors.Count > 0) return Payload(args, ctx, null, errors);

        if (creating) product = store.CreateProduct(In.Str(In.Get(input, "title"))!, upsertHandle);
        ApplyProductFields(store, product!, input);
        MetafieldMutations.ApplyInputs(store, product!.Metafields, product.Gid, input);
        // "The IDs of collections that this product will be a member of": the list replaces the custom collections.
        if (In.Has(input, "collections"))
            foreach (var collection in store.Collections.Values.Where(c => !c.Smart))
            {
                collection.Products.Remove(product);
                if (collections.Contains(collection)) collection.Products.Add(product);
            }
        // Files first: a variant's file refers to one of the product's files.
        if (In.Has(input, "files")) MediaMutations.ApplyFileSet(rt, product!, files);
        if (hasOptions)
        {
            SetOptions(store, product!, options);
            ApplyVariants(ctx, product!, plans);
        }
        else if (creating)
        {
            MakeDefaultVariant(store, product!);
        }
        store.Touch(product!);
        return Payload(args, ctx, product, errors);
    }

    /// <summary>The collections of the input: each must exist and be a custom collection (a smart one chooses its products by its rules).</summary>
    private static List<Collection> Collections(ShopStore store, IDictionary<string, object?> input, List<UserError> errors)
    {
        var found = new List<Collection>();
        var ids = In.List(In.Get(input, "collections"));
        for (var i = 0; i < ids.Count; i++)
        {
            var collection = Gid.TryParse(In.Str(ids[i]), "Collection", out var id) ? store.Collections.GetValueOrDefault(id) : null;
            if (collection is null)
                errors.Add(UserError.At("Collection does not exist", "NOT_FOUND", "input", "collections", i));
            else if (collection.Smart)
                errors.Add(UserError.At("Can't manually add products to a smart collection.", "INVALID_INPUT", "input", "collections", i));
            else found.Add(collection);
        }
        return found;
    }

    private static object Payload(Args args, ExecContext ctx, Product? product, List<UserError> errors)
    {
        if (args.Bool("synchronous") != false)
            return new GraphMap("ProductSetPayload", ("product", product), ("productSetOperation", null), ("userErrors", errors));
        // Asynchronous: the emulator finishes at once, so the operation is COMPLETE when first polled.
        var op = new ProductSetOperation { Id = ctx.Store.NextId(), Product = product };
        op.UserErrors.AddRange(errors);
        ctx.Store.ProductOperations[op.Id] = op;
        return new GraphMap("ProductSetPayload", ("product", null), ("productSetOperation", new ProductSetOperationView(op)), ("userErrors", new List<UserError>()));
    }

    private static List<(string Name, List<string> Values)> ReadOptions(Product? product, IReadOnlyList<object?> raw, List<UserError> errors)
    {
        if (raw.Count > MaxOptions)
            errors.Add(UserError.At($"Can only specify a maximum of {MaxOptions} options", "OPTIONS_OVER_LIMIT", "input", "productOptions"));
        var result = new List<(string Name, List<string> Values, int Position)>();
        for (var i = 0; i < raw.Count; i++)
        {
            var o = In.Obj(raw[i])!;
            var name = In.Str(In.Get(o, "name"));
            if (name == null && Gid.TryParse(In.Str(In.Get(o, "id")), "ProductOption", out var oid))
                name = product?.Options.FirstOrDefault(x => x.Id == oid)?.Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(UserError.At("Option does not exist", "OPTION_DOES_NOT_EXIST", "input", "productOptions", i.ToString()));
                continue;
            }
            if (result.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                errors.Add(UserError.At($"Duplicated option name '{name}'", "DUPLICATED_OPTION_NAME", "input", "productOptions", i.ToString(), "name"));
            var values = new List<string>();
            foreach (var rv in In.List(In.Get(o, "values")))
            {
                var vo = In.Obj(rv);
                var vname = vo == null ? null : In.Str(In.Get(vo, "name"));
                if (vname == null && vo != null && Gid.TryParse(In.Str(In.Get(vo, "id")), "ProductOptionValue", out var vid))
                    vname = product?.Options.SelectMany(x => x.Values).FirstOrDefault(x => x.Id == vid)?.Name;
                if (vname == null) continue;
                if (values.Contains(vname, StringComparer.OrdinalIgnoreCase))
                    errors.Add(UserError.At($"Duplicated option value '{vname}'", "DUPLICATED_OPTION_VALUE", "input", "productOptions", i.ToString(), "values"));
                else values.Add(vname);
            }
            if (values.Count == 0)
                errors.Add(UserError.At($"Option '{name}' must specify at least one option value", "OPTION_VALUES_MISSING", "input", "productOptions", i.ToString(), "values"));
            result.Add((name, values, In.Int(In.Get(o, "position")) ?? i + 1));
        }
        return result.OrderBy(r => r.Position).Select(r => (r.Name, r.Values)).ToList();
    }

    private static List<VariantPlan> PlanVariants(ExecContext ctx, Product? product, List<(string Name, List<string> Values)> options,
        IReadOnlyList<object?> raw, List<UserError> errors)
    {
        var store = ctx.Store;
        if (raw.Count > MaxVariants)
            errors.Add(UserError.At($"The number of variants ({raw.Count}) exceeds the limit of {MaxVariants}.", "VARIANTS_OVER_LIMIT", "input", "variants"));
        var plans = new List<VariantPlan>();
        var seenKeys = new HashSet<string>();
        var quantityCount = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            var v = In.Obj(raw[i])!;
            var path = new List<string> { "input", "variants", i.ToString() };
            errors.AddRange(ValidateVariantFields(v, path, "INVALID_VARIANT"));

            // Option values, in the product's option order; each option exactly once.
            var chosen = new List<(string Name, string Value)>();
            var given = OptionValues(store, product, v);
            foreach (var (optName, value) in given)
            {
                var option = options.FirstOrDefault(o => string.Equals(o.Name, optName, StringComparison.OrdinalIgnoreCase));
                if (option.Name == null)
                    errors.Add(new UserError(Path(path, "optionValues"), $"Option '{optName}' does not exist", "OPTION_DOES_NOT_EXIST"));
                else if (value == null || !option.Values.Contains(value, StringComparer.OrdinalIgnoreCase))
                    errors.Add(new UserError(Path(path, "optionValues"), $"Option value '{value}' does not exist on option '{option.Name}'", "OPTION_VALUE_DOES_NOT_EXIST"));
            }
            foreach (var (name, values) in options)
            {
                var match = given.FirstOrDefault(g => string.Equals(g.OptionName, name, StringComparison.OrdinalIgnoreCase));
                var value = match.Value == null ? null : values.FirstOrDefault(x => string.Equals(x, match.Value, StringComparison.OrdinalIgnoreCase));
                if (value == null)
                {
                    if (match.OptionName == null)
                        errors.Add(new UserError(Path(path, "optionValues"), $"Variant must have a value for option '{name}'", "INVALID_VARIANT"));
                    continue;
                }
                chosen.Add((name, value));
            }
            var key = string.Join("\u001f", chosen.Select(c => c.Value.ToLowerInvariant()));
            if (chosen.Count == options.Count && !seenKeys.Add(key))
                errors.Add(new UserError(Path(path, "optionValues"), $"The variant '{string.Join(" / ", chosen.Select(c => c.Value))}' already exists.", "INVALID_VARIANT"));

            Variant? existing = null;
            if (In.Str(In.Get(v, "id")) is { } vid)
            {
                existing = Lookup.Variant(store, vid);
                if (existing == null || existing.Product != product)
                {
                    errors.Add(new UserError(Path(path, "id"), "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
                    existing = null;
                }
            }

            var quantities = In.List(In.Get(v, "inventoryQuantities"));
            quantityCount += quantities.Count;
            for (var q = 0; q < quantities.Count; q++)
            {
                var qi = In.Obj(quantities[q])!;
                var qpath = Path(path, "inventoryQuantities", q.ToString());
                var location = Lookup.Location(store, In.Str(In.Get(qi, "locationId")));
                var name = In.Str(In.Get(qi, "name"));
                if (location == null)
                    errors.Add(new UserError(Path(qpath, "locationId"), "Location does not exist", "NOT_FOUND"));
                else if (existing != null && !existing.InventoryItem.Levels.ContainsKey(location.Id))
                    errors.Add(new UserError(qpath, "Inventory quantities can only be updated at locations where the variant is stocked", "INVALID_VARIANT"));
                if (name is not ("available" or "on_hand"))
                    errors.Add(new UserError(Path(qpath, "name"), "The only accepted quantity names are 'available' and 'on_hand'", "INVALID_INPUT"));
            }
            errors.AddRange(MetafieldMutations.ValidateInputs(ctx.Store, "PRODUCTVARIANT", v, existing?.Metafields, path, "INVALID_METAFIELD"));
            plans.Add(new VariantPlan(v, chosen, existing));
        }
        if (quantityCount > MaxInventoryQuantities)
            errors.Add(UserError.At($"Inventory quantity input exceeds the limit of {MaxInventoryQuantities}. Consider using separate `inventorySetQuantities` mutations.", "INVENTORY_QUANTITIES_LIMIT_EXCEEDED", "input", "variants"));
        return plans;
    }

    /// <summary>"Any file specified here must also be specified in the files input for the product."</summary>
    private static void CheckVariantFiles(List<VariantPlan> plans, IReadOnlyList<object?> files, List<UserError> errors)
    {
        for (var i = 0; i < plans.Count; i++)
        {
            if (In.Obj(In.Get(plans[i].Input, "file")) is not { } file) continue;
            var listed = files.Select(f => In.Obj(f)!).Any(f =>
                (In.Str(In.Get(file, "id")) is { } id && In.Str(In.Get(f, "id")) == id)
                || (In.Str(In.Get(file, "originalSource")) is { } src && In.Str(In.Get(f, "originalSource")) == src));
            if (!listed)
                errors.Add(UserError.At("The variant file must also be specified in the files input for the product.", "INVALID_VARIANT", "input", "variants", i.ToString(), "file"));
        }
    }

    private static MediaFile? VariantFile(Product product, IDictionary<string, object?> file) =>
        In.Str(In.Get(file, "id")) is { } id
            ? product.Media.FirstOrDefault(m => m.Gid == id)
            : product.Media.FirstOrDefault(m => m.OriginalSource == In.Str(In.Get(file, "originalSource")));

    private static void ApplyVariants(ExecContext ctx, Product product, List<VariantPlan> plans)
    {
        var store = ctx.Store;
        var keep = new List<Variant>();
        foreach (var plan in plans)
        {
            var variant = plan.Existing ?? store.CreateVariant(product, plan.Options);
            variant.SelectedOptions = plan.Options;
            ApplyVariantFields(store, variant, plan.Input);
            MetafieldMutations.ApplyInputs(store, variant.Metafields, variant.Gid, plan.Input);
            if (In.Obj(In.Get(plan.Input, "file")) is { } file) variant.Image = VariantFile(product, file);
            foreach (var raw in In.List(In.Get(plan.Input, "inventoryQuantities")))
            {
                var qi = In.Obj(raw)!;
                var location = Lookup.Location(store, In.Str(In.Get(qi, "locationId")))!;
                var level = store.Stock(variant.InventoryItem, location);
                InventoryMutations.SetNamed(store, level, In.Str(In.Get(qi, "name"))!, In.Int(In.Get(qi, "quantity")) ?? 0);
            }
            keep.Add(variant);
        }
        foreach (var gone in product.Variants.Except(keep).ToList()) store.DeleteVariant(gone);
        product.Variants.Clear();
        product.Variants.AddRange(keep);
        for (var i = 0; i < keep.Count; i++) keep[i].Position = i + 1;
    }
}
