using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Media;
using ShopifyPS.Emulator.Runtime;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// Media: productCreate/productUpdate(media:), productSet(files:), productCreateMedia (deprecated),
/// productDeleteMedia (deprecated), fileCreate, fileUpdate and fileDelete. Images only.
/// </summary>
internal static class MediaMutations
{
    public const int MaxMediaPerProduct = 250;

    /// <summary>Input checks Shopify makes before accepting CreateMediaInput items.</summary>
    public static List<UserError> ValidateMediaInputs(IReadOnlyList<object?> media, ShopStore store, string code = "INVALID")
    {
        var errors = new List<UserError>();
        for (var i = 0; i < media.Count; i++)
        {
            var m = In.Obj(media[i])!;
            if (In.Str(In.Get(m, "mediaContentType")) is { } type && type != "IMAGE")
                errors.Add(UserError.At($"The emulator only supports IMAGE media, not {type}.", "INVALID_MEDIA_TYPE", "media", i.ToString(), "mediaContentType"));
            if (string.IsNullOrWhiteSpace(In.Str(In.Get(m, "originalSource"))))
                errors.Add(UserError.At("Original source can't be blank", "BLANK", "media", i.ToString(), "originalSource"));
            else if (!Uri.TryCreate(In.Str(In.Get(m, "originalSource")), UriKind.Absolute, out _))
                errors.Add(UserError.At("Original source is not a valid URL", code, "media", i.ToString(), "originalSource"));
            if (In.Str(In.Get(m, "alt"))?.Length > 512)
                errors.Add(UserError.At("Alt must be at most 512 characters", code, "media", i.ToString(), "alt"));
        }
        return errors;
    }

    public static List<MediaFile> AttachMedia(EmulatorRuntime rt, Product product, IReadOnlyList<object?> media)
    {
        var created = new List<MediaFile>();
        foreach (var raw in media)
        {
            var m = In.Obj(raw)!;
            var file = MediaFactory.Create(rt, In.Str(In.Get(m, "originalSource"))!, In.Str(In.Get(m, "alt")), null);
            MediaFactory.Attach(rt.Store, product, file);
            created.Add(file);
        }
        return created;
    }

    public static object ProductCreateMedia(Args args, ExecContext ctx, EmulatorRuntime rt)
    {
        const string type = "ProductCreateMediaPayload";
        var product = Lookup.Product(ctx.Store, args.Str("productId"));
        if (product == null)
            return Fail(type, UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
        var media = args.List("media");
        var errors = ValidateMediaInputs(media, ctx.Store);
        if (product.Media.Count + media.Count > MaxMediaPerProduct)
            errors.Add(UserError.At($"Products can have at most {MaxMediaPerProduct} media.", "PRODUCT_MEDIA_LIMIT_EXCEEDED", "media"));
        if (errors.Count > 0) return new GraphMap(type, ("media", null), ("product", null), ("mediaUserErrors", errors), ("userErrors", errors));
        var created = AttachMedia(rt, product, media);
        ctx.Store.Touch(product);
        return new GraphMap(type, ("media", created), ("product", product), ("mediaUserErrors", new List<UserError>()), ("userErrors", new List<UserError>()));
    }

    public static object ProductDeleteMedia(Args args, ExecContext ctx)
    {
        const string type = "ProductDeleteMediaPayload";
        var product = Lookup.Product(ctx.Store, args.Str("productId"));
        if (product == null)
            return Fail(type, UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId"));
        var media = args.List("mediaIds").Select(id => (Id: In.Str(id), Media: Lookup.Media(ctx.Store, In.Str(id)))).ToList();
        var missing = media.FindIndex(m => m.Media == null || !product.Media.Contains(m.Media));
        if (missing >= 0)
            return Fail(type, UserError.At($"Media id {media[missing].Id} does not exist on product", "MEDIA_DOES_NOT_EXIST_ON_PRODUCT", "mediaIds", missing.ToString()));
        foreach (var (_, m) in media) MediaFactory.Delete(ctx.Store, m!);
        ctx.Store.Touch(product);
        return new GraphMap(type, ("deletedMediaIds", media.Select(m => m.Media!.Gid).ToList()),
            ("deletedProductImageIds", media.Select(m => Gid.Of("ProductImage", m.Media!.Id)).ToList()),
            ("product", product), ("mediaUserErrors", new List<UserError>()), ("userErrors", new List<UserError>()));
    }

    /// <summary>fileCreate: standalone files (images only); attach them with fileUpdate(referencesToAdd:).</summary>
    public static object FileCreate(Args args, ExecContext ctx, EmulatorRuntime rt)
    {
        const string type = "FileCreatePayload";
        var inputs = args.List("files").Select(f => In.Obj(f)!).ToList();
        var errors = new List<UserError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (In.Str(In.Get(inputs[i], "contentType")) is { } ct && ct != "IMAGE")
                errors.Add(UserError.At($"The emulator only supports IMAGE files, not {ct}.", "INVALID", "files", i.ToString(), "contentType"));
            var source = In.Str(In.Get(inputs[i], "originalSource"));
            if (!Uri.TryCreate(source, UriKind.Absolute, out _))
                errors.Add(UserError.At("Original source is not a valid URL", "INVALID_IMAGE_SOURCE_URL", "files", i.ToString(), "originalSource"));
            else if (In.Str(In.Get(inputs[i], "filename")) is { } filename && !SameExtension(filename, MediaFactory.SourceName(rt, source!)))
                errors.Add(UserError.At("Cannot create file with custom filename which does not match original source extension.",
                    "MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE", "files", i.ToString(), "filename"));
        }
        if (errors.Count > 0) return new GraphMap(type, ("files", null), ("userErrors", errors));
        var files = inputs.Select(f => MediaFactory.Create(rt, In.Str(In.Get(f, "originalSource"))!, In.Str(In.Get(f, "alt")), In.Str(In.Get(f, "filename")))).ToList();
        return new GraphMap(type, ("files", files), ("userErrors", new List<UserError>()));
    }

    private static bool SameExtension(string filename, string sourceName) =>
        string.Equals(Path.GetExtension(filename), Path.GetExtension(sourceName), StringComparison.OrdinalIgnoreCase);

    /// <summary>fileUpdate: alt text and product references (the 2026-04 way to attach or detach media).</summary>
    public static object FileUpdate(Args args, ExecContext ctx)
    {
        const string type = "FileUpdatePayload";
        var store = ctx.Store;
        var inputs = args.List("files").Select(f => In.Obj(f)!).ToList();
        var errors = new List<UserError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (Lookup.Media(store, In.Str(In.Get(inputs[i], "id"))) == null)
                errors.Add(UserError.At("File does not exist", "FILE_DOES_NOT_EXIST", "files", i.ToString(), "id"));
            foreach (var key in new[] { "referencesToAdd", "referencesToRemove" })
                if (In.List(In.Get(inputs[i], key)).Any(r => Lookup.Product(store, In.Str(r)) == null))
                    errors.Add(UserError.At("The reference target does not exist", "REFERENCE_TARGET_DOES_NOT_EXIST", "files", i.ToString(), key));
        }
        if (errors.Count > 0) return new GraphMap(type, ("files", null), ("userErrors", errors));
        var files = new List<MediaFile>();
        foreach (var input in inputs)
        {
            var media = Lookup.Media(store, In.Str(In.Get(input, "id")))!;
            if (In.Has(input, "alt")) media.Alt = In.Str(In.Get(input, "alt"));
            foreach (var r in In.List(In.Get(input, "referencesToAdd"))) MediaFactory.Attach(store, Lookup.Product(store, In.Str(r))!, media);
            foreach (var r in In.List(In.Get(input, "referencesToRemove"))) MediaFactory.Detach(store, Lookup.Product(store, In.Str(r))!, media);
            media.UpdatedAt = store.Now();
            files.Add(media);
        }
        return new GraphMap(type, ("files", files), ("userErrors", new List<UserError>()));
    }

    public static object FileDelete(Args args, ExecContext ctx)
    {
        const string type = "FileDeletePayload";
        var ids = args.List("fileIds").Select(In.Str).ToList();
        var media = ids.Select(id => Lookup.Media(ctx.Store, id)).ToList();
        var missing = media.FindIndex(m => m == null);
        if (missing >= 0)
            return new GraphMap(type, ("deletedFileIds", null), ("userErrors", new List<UserError> { UserError.At($"File id {ids[missing]} does not exist.", "FILE_DOES_NOT_EXIST", "fileIds", missing.ToString()) }));
        foreach (var m in media) MediaFactory.Delete(ctx.Store, m!);
        return new GraphMap(type, ("deletedFileIds", media.Select(m => m!.Gid).ToList()), ("userErrors", new List<UserError>()));
    }

    /// <summary>productSet(files:) is a list field: files listed are kept or created, others leave the product.</summary>
    public static List<UserError> ValidateFileSet(ShopStore store, IReadOnlyList<object?> files)
    {
        var errors = new List<UserError>();
        for (var i = 0; i < files.Count; i++)
        {
            var f = In.Obj(files[i])!;
            if (In.Str(In.Get(f, "id")) is { } id)
            {
                if (Lookup.Media(store, id) == null)
                    errors.Add(UserError.At("File does not exist", "NOT_FOUND", "input", "files", i.ToString(), "id"));
            }
            else if (!Uri.TryCreate(In.Str(In.Get(f, "originalSource")), UriKind.Absolute, out _))
                errors.Add(UserError.At("Original source is not a valid URL", "INVALID_INPUT", "input", "files", i.ToString(), "originalSource"));
            else if (In.Str(In.Get(f, "contentType")) is { } ct && ct != "IMAGE")
                errors.Add(UserError.At($"The emulator only supports IMAGE files, not {ct}.", "INVALID_INPUT", "input", "files", i.ToString(), "contentType"));
        }
        if (files.Count > MaxMediaPerProduct)
            errors.Add(UserError.At($"Products can have at most {MaxMediaPerProduct} media.", "INVALID_INPUT", "input", "files"));
        return errors;
    }

    public static void ApplyFileSet(EmulatorRuntime rt, Product product, IReadOnlyList<object?> files)
    {
        var store = rt.Store;
        var keep = new List<MediaFile>();
        foreach (var raw in files)
        {
            var f = In.Obj(raw)!;
            var media = In.Str(In.Get(f, "id")) is { } id
                ? Lookup.Media(store, id)!
                : MediaFactory.Create(rt, In.Str(In.Get(f, "originalSource"))!, In.Str(In.Get(f, "alt")), In.Str(In.Get(f, "filename")));
            if (In.Has(f, "alt") && In.Str(In.Get(f, "id")) != null) media.Alt = In.Str(In.Get(f, "alt"));
            keep.Add(media);
        }
        foreach (var gone in product.Media.Except(keep).ToList()) MediaFactory.Detach(store, product, gone);
        foreach (var m in keep) MediaFactory.Attach(store, product, m);
        product.Media.Sort((a, b) => keep.IndexOf(a).CompareTo(keep.IndexOf(b)));
    }

    private static GraphMap Fail(string type, UserError error) =>
        new(type, ("media", null), ("product", null), ("mediaUserErrors", new List<UserError> { error }), ("userErrors", new List<UserError> { error }));
}
