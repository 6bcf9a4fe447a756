using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Runtime;
using ShopifyPS.Emulator.State;
using static ShopifyPS.Emulator.Graph.Mutations.ProductInputs;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>productCreate, productUpdate, productDelete, tagsAdd and tagsRemove.</summary>
internal static class ProductMutations
{
    /// <summary>productCreate creates the product and only its first variant (first value of each option, or "Default Title").</summary>
    public static object Create(Args args, ExecContext ctx, EmulatorRuntime rt)
    {
        var store = ctx.Store;
        var input = args.Obj("product") ?? new Dictionary<string, object?>();
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(In.Str(In.Get(input, "title"))))
            errors.Add(UserError.At("Title can't be blank", null, "title"));
        if (TitleTooLong(input)) errors.Add(UserError.At(TitleTooLongMessage, null, "title"));
        if (HandleConflict(store, input, null) is { } conflict) errors.Add(UserError.At(conflict, null, "handle"));
        var options = new List<(string Name, List<string> Values)>();
        foreach (var raw in In.List(In.Get(input, "productOptions")))
        {
            var o = In.Obj(raw)!;
            var values = In.List(In.Get(o, "values")).Select(v => In.Str(In.Get(In.Obj(v)!, "name"))).OfType<string>().ToList();
            options.Add((In.Str(In.Get(o, "name")) ?? "", values));
        }
        if (options.Count > ProductSetMutation.MaxOptions) errors.Add(UserError.At("Can only specify a maximum of 3 options", null, "productOptions"));
        if (options.Any(o => o.Values.Count == 0)) errors.Add(UserError.At("Each option must have at least one value", null, "productOptions"));
        var mediaErrors = MediaMutations.ValidateMediaInputs(args.List("media"), store);
        if (errors.Count > 0 || mediaErrors.Count > 0)
            return new GraphMap("ProductCreatePayload", ("product", null), ("shop", null), ("userErrors", errors.Concat(mediaErrors).ToList()));

        var product = store.CreateProduct(In.Str(In.Get(input, "title"))!, null);
        ApplyProductFields(store, product, input);
        if (options.Count == 0) MakeDefaultVariant(store, product);
        else
        {
            SetOptions(store, product, options);
            store.CreateVariant(product, options.Select(o => (o.Name, o.Values[0])).ToList());
        }
        MediaMutations.AttachMedia(rt, product, args.List("media"));
        store.Touch(product);
        return new GraphMap("ProductCreatePayload", ("product", product), ("shop", null), ("userErrors", new List<UserError>()));
    }

    public static object Update(Args args, ExecContext ctx, EmulatorRuntime rt)
    {
        var store = ctx.Store;
        var input = args.Obj("product") ?? new Dictionary<string, object?>();
        Product? product = null;
        if (In.Str(In.Get(input, "id")) is { } id) product = Lookup.Product(store, id);
        else if (args.Obj("identifier") is { } ident)
        {
            if (In.Str(In.Get(ident, "id")) is { } iid) product = Lookup.Product(store, iid);
            else if (In.Str(In.Get(ident, "handle")) is { } h) store.ProductsByHandle.TryGetValue(ShopStore.Slug(h), out product);
        }
        if (product == null)
            return new GraphMap("ProductUpdatePayload", ("product", null), ("userErrors", new List<UserError> { UserError.At("Product does not exist", null, "id") }));
        var errors = new List<UserError>();
        if (In.Has(input, "title") && string.IsNullOrWhiteSpace(In.Str(In.Get(input, "title"))))
            errors.Add(UserError.At("Title can't be blank", null, "title"));
        if (TitleTooLong(input)) errors.Add(UserError.At(TitleTooLongMessage, null, "title"));
        if (HandleConflict(store, input, product) is { } conflict) errors.Add(UserError.At(conflict, null, "handle"));
        errors.AddRange(MediaMutations.ValidateMediaInputs(args.List("media"), store));
        if (errors.Count > 0) return new GraphMap("ProductUpdatePayload", ("product", null), ("userErrors", errors));

        ApplyProductFields(store, product, input);
        MediaMutations.AttachMedia(rt, product, args.List("media"));
        store.Touch(product);
        return new GraphMap("ProductUpdatePayload", ("product", product), ("userErrors", new List<UserError>()));
    }

    public static object Delete(Args args, ExecContext ctx)
    {
        var input = args.Obj("input")!;
        var product = Lookup.Product(ctx.Store, In.Str(In.Get(input, "id")));
        if (product == null)
            return new GraphMap("ProductDeletePayload", ("deletedProductId", null), ("userErrors", new List<UserError> { UserError.At("Product does not exist", null, "id") }));
        ctx.Store.DeleteProduct(product);
        return new GraphMap("ProductDeletePayload", ("deletedProductId", product.Gid), ("productDeleteOperation", null), ("userErrors", new List<UserError>()));
    }

    /// <summary>tagsAdd / tagsRemove on a product (the only taggable resource the emulator models).</summary>
    public static object Tags(Args args, ExecContext ctx, bool add)
    {
        var type = add ? "TagsAddPayload" : "TagsRemovePayload";
        var product = Lookup.Product(ctx.Store, args.Str("id"));
        if (product == null)
            return new GraphMap(type, ("node", null), ("userErrors", new List<UserError> { UserError.At("Product does not exist", null, "id") }));
        var tags = ProductInputs.Tags(args["tags"]);
        if (add)
        {
            foreach (var t in tags)
                if (!product.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)) product.Tags.Add(t);
        }
        else product.Tags.RemoveAll(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase));
        ctx.Store.Touch(product);
        return new GraphMap(type, ("node", product), ("userErrors", new List<UserError>()));
    }
}
